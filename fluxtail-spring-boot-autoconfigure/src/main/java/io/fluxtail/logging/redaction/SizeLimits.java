package io.fluxtail.logging.redaction;

/**
 * Largest message and field value written, in characters. A longer value is cut and ends with a
 * marker that gives its original length: {@code ...[TRUNCATED:10485760 chars]}.
 *
 * @param maxMessageChars the largest message
 * @param maxFieldChars the largest value of any other field (each string inside a nested value
 * too, and the nested value as a whole)
 */
public record SizeLimits(int maxMessageChars, int maxFieldChars) {

	/** Default largest message: 32 KiB of characters. */
	public static final int DEFAULT_MAX_MESSAGE_CHARS = 32 * 1024;

	/** Default largest field value: 8 KiB of characters. */
	public static final int DEFAULT_MAX_FIELD_CHARS = 8 * 1024;

	/** Smallest allowed limit, so that a marker always fits. */
	public static final int MIN_CHARS = 64;

	/**
	 * Extra characters redacted beyond a limit before the cut, so that a secret straddling the
	 * limit is found whole and never leaks half.
	 */
	static final int REDACTION_MARGIN = 512;

	public SizeLimits {
		if (maxMessageChars < MIN_CHARS || maxFieldChars < MIN_CHARS) {
			throw new IllegalArgumentException("Size limits must be at least " + MIN_CHARS + " characters");
		}
	}

	/**
	 * Returns the defaults.
	 * @return the default limits
	 */
	public static SizeLimits defaults() {
		return new SizeLimits(DEFAULT_MAX_MESSAGE_CHARS, DEFAULT_MAX_FIELD_CHARS);
	}

	/**
	 * Cuts a text to a limit, with the marker.
	 * @param text the text
	 * @param limit the limit
	 * @param originalLength the length before any earlier cut
	 * @return the text itself when within the limit, else the cut text
	 */
	public static String truncate(String text, int limit, int originalLength) {
		if (text.length() <= limit) {
			return text;
		}
		int end = limit;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return new StringBuilder(end + 40).append(text, 0, end)
			.append("...[TRUNCATED:")
			.append(originalLength)
			.append(" chars]")
			.toString();
	}

}
