package io.fluxtail.logging.redaction;

import org.jspecify.annotations.Nullable;

/**
 * What a removed secret is replaced with: {@code [REDACTED:jwt]}, or in partial mode
 * {@code [REDACTED:card:****1111]} when the detector gave a safe hint.
 *
 * @param partial whether safe hints are kept
 */
record Replacement(boolean partial) {

	/** Start of every replacement, also how already redacted text is recognised. */
	public static final String PREFIX = "[REDACTED:";

	/**
	 * Returns the replacement text.
	 * @param id the detector id
	 * @param hint the safe hint or {@code null}
	 * @return the replacement
	 */
	public String of(String id, @Nullable String hint) {
		StringBuilder text = new StringBuilder(PREFIX.length() + id.length() + 12);
		append(text, id, hint);
		return text.toString();
	}

	/**
	 * Returns what replaces a value a detector failed to check, whatever the mode.
	 * @param id the detector id
	 * @return the replacement
	 */
	public String unchecked(String id) {
		return PREFIX + id + ":unchecked]";
	}

	void append(StringBuilder text, String id, @Nullable String hint) {
		text.append(PREFIX).append(id);
		if (this.partial && hint != null) {
			text.append(':').append(hint);
		}
		text.append(']');
	}

}
