package io.fluxtail.logging.redaction;

/**
 * Removes secrets from a text value. Returns the very same instance when there is nothing to
 * remove, so that a clean value costs no allocation.
 */
@FunctionalInterface
interface Redactor {

	/**
	 * Returns the text with its secrets replaced.
	 * @param text the text
	 * @param listener told about each removed secret
	 * @return the redacted text, or {@code text} itself when it holds no secret
	 */
	String redact(String text, RedactionListener listener);

}
