package io.fluxtail.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.Detectors;
import io.fluxtail.logging.redaction.RedactionPolicy;

/**
 * What is removed from lines, and how.
 *
 * @param enabled whether key and value redaction run (size limits always apply)
 * @param replacement the shape of a replacement
 * @param partial whether a safe hint (card last 4, token prefix) is kept
 * @param sensitiveKeys names whose values are always replaced, compared ignoring case and
 * separators
 * @param detectors every built-in, configured and bean detector
 * @param maxMessageChars longest message written before it is cut
 * @param maxFieldChars longest field value written before it is cut
 */
public record RedactionDescriptor(boolean enabled, String replacement, boolean partial, List<String> sensitiveKeys,
		List<DetectorDescriptor> detectors, int maxMessageChars, int maxFieldChars) {

	/**
	 * Describes a redaction policy.
	 * @param policy the policy
	 * @return its description
	 */
	public static RedactionDescriptor of(RedactionPolicy policy) {
		Map<String, DetectorDescriptor> detectors = new LinkedHashMap<>();
		for (Detector detector : Detectors.defaults()) {
			detectors.put(detector.id(), new DetectorDescriptor(detector.id(), detector.description(), false));
		}
		for (Detector detector : policy.detectors()) {
			detectors.put(detector.id(), new DetectorDescriptor(detector.id(), detector.description(), policy.enabled()));
		}
		return new RedactionDescriptor(policy.enabled(), policy.replacementOf("<detector>"),
				policy.partialReplacement(), policy.keys().names(), new ArrayList<>(detectors.values()),
				policy.limits().maxMessageChars(), policy.limits().maxFieldChars());
	}

	/**
	 * One detector.
	 *
	 * @param id the id written in replacements and used to switch it off
	 * @param description what it finds
	 * @param enabled whether it runs
	 */
	public record DetectorDescriptor(String id, String description, boolean enabled) {

	}

}
