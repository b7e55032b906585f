package io.fluxtail.logging.redaction;

/**
 * Finds one kind of secret or personal data inside a text value, wherever it sits.
 *
 * <p>
 * A detector is only asked to look at a text when its {@link #triggers() triggers} are present,
 * so that a line holding no secret costs one cheap scan instead of a regex per detector.
 * Implementations must be thread-safe and should not throw; a detector that throws is reported
 * once and the value it could not check is withheld.
 */
public interface Detector {

	/**
	 * Returns the id written in the replacement ({@code [REDACTED:jwt]}) and used to switch the
	 * detector off.
	 * @return a short lower-case id
	 */
	String id();

	/**
	 * Returns what the detector finds, for documentation and the actuator endpoint.
	 * @return a one-line description
	 */
	default String description() {
		return id();
	}

	/**
	 * Returns what a text must contain for this detector to look at it.
	 * @return the triggers, {@link Triggers#always()} by default
	 */
	default Triggers triggers() {
		return Triggers.always();
	}

	/**
	 * Reports every secret found in a text.
	 * @param text the text
	 * @param findings where to report each secret's range
	 */
	void detect(String text, Findings findings);

}
