package io.fluxtail.logging.redaction;

/**
 * Removes secrets from a text value. Returns the very same instance when there is nothing to
 * remove, so that a clean value costs no allocation.
 */
@FunctionalInterface
public interface Redactor {

	/**
	 * Returns the text with its secrets replaced.
	 * @param text the text
	 * @return the redacted text, or {@code text} itself when it holds no secret
	 */
	String redact(String text);

	/**
	 * A redactor that changes nothing.
	 * @return the redactor
	 */
	static Redactor none() {
		return (text) -> text;
	}

	/**
	 * Runs one redactor, then another on its result.
	 * @param first runs first
	 * @param second runs on the first one's output
	 * @return the combined redactor
	 */
	static Redactor merge(Redactor first, Redactor second) {
		return (text) -> second.redact(first.redact(text));
	}

}
