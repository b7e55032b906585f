package io.fluxtail.actuate;

import io.fluxtail.logging.redaction.RedactionPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Masks configured values before the endpoint shows them: a value under a sensitive name, or one
 * in which any detector finds a secret, is shown as its replacement. Runs even when redaction of
 * lines is switched off, and counts nothing, so calling the endpoint does not move the counters.
 */
final class ConfigurationMasker {

	private final RedactionPolicy detection;

	ConfigurationMasker(RedactionPolicy policy) {
		this.detection = policy.uncounted();
	}

	@Nullable String mask(String name, @Nullable String value) {
		if (value == null) {
			return null;
		}
		return this.detection.isSensitiveKey(name) ? this.detection.redactByKey() : this.detection.redactText(value);
	}

}
