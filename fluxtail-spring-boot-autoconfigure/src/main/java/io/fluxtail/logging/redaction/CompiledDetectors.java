package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A detector list compiled once: one {@link TriggerScan} pass over a text tells which detectors to
 * run, and only those run. A text that triggers nothing is returned as is, with no allocation.
 */
final class CompiledDetectors {

	private final List<Detector> detectors;

	private final TriggerScan scan;

	/**
	 * Compiles a detector list.
	 * @param detectors the detectors, in priority order
	 * @throws IllegalArgumentException when two detectors share an id
	 */
	CompiledDetectors(List<Detector> detectors) {
		this.detectors = List.copyOf(detectors);
		Set<String> ids = new HashSet<>();
		List<Triggers> triggers = new ArrayList<>();
		for (Detector detector : this.detectors) {
			if (!ids.add(detector.id())) {
				throw new IllegalArgumentException("Two detectors have the id '" + detector.id() + "'");
			}
			triggers.add(detector.triggers());
		}
		this.scan = new TriggerScan(triggers);
	}

	List<Detector> detectors() {
		return this.detectors;
	}

	/**
	 * Replaces every secret the triggered detectors find. A detector that throws withholds the
	 * whole text.
	 * @param text the text
	 * @param replacement how secrets are replaced
	 * @param listener told about each secret and failure
	 * @return the text itself when it holds no secret
	 */
	String redact(String text, Replacement replacement, RedactionListener listener) {
		long[] triggered = this.scan.scan(text);
		if (triggered == null) {
			return text;
		}
		Findings findings = new Findings();
		// only the triggered detectors, in list order: a set bit at a time, not a test of every detector
		for (int word = 0; word < triggered.length; word++) {
			for (long bits = triggered[word]; bits != 0; bits &= bits - 1) {
				Detector detector = this.detectors.get((word << 6) + Long.numberOfTrailingZeros(bits));
				findings.detector(detector.id(), text, firstLiteral(detector.triggers(), text));
				try {
					detector.detect(text, findings);
				}
				catch (RuntimeException | StackOverflowError ex) {
					listener.failed(detector.id(), ex);
					return replacement.unchecked(detector.id());
				}
			}
		}
		return findings.isEmpty() ? text : findings.apply(text, replacement, listener);
	}

	/** Where the first literal trigger occurs, 0 when the detector may have been triggered otherwise. */
	private static int firstLiteral(Triggers triggers, String text) {
		if (triggers.literals().isEmpty() || triggers.minDigitRun() > 0) {
			return 0;
		}
		return Math.max(triggers.firstLiteral(text, 0), 0);
	}

}
