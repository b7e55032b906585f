package io.fluxtail.logging.redaction;

/**
 * Largest message and field value written, in characters. A longer value is cut and ends with a
 * marker that gives its original length: {@code ...[TRUNCATED:10485760 chars]}. Field names have a
 * fixed bound, {@link #MAX_NAME_CHARS}.
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

	/**
	 * Largest field name: an MDC key, a key/value or structured argument name, or a key inside a
	 * nested value. Names are a schema, not data, so the bound is fixed and well above any real
	 * name; a longer one (a key built from request input) keeps its first 256 characters followed by
	 * {@code [TRUNCATED:<original length>]}, a marker without dots or spaces, so that it adds no
	 * level to a dotted name (Elasticsearch reads dots as nesting) and stays one bare logfmt key.
	 */
	public static final int MAX_NAME_CHARS = 256;

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
		int end = cutAt(text, limit);
		return new StringBuilder(end + 40).append(text, 0, end)
			.append("...[TRUNCATED:")
			.append(originalLength)
			.append(" chars]")
			.toString();
	}

	/**
	 * Bounds a field name to {@link #MAX_NAME_CHARS}, telling the listener of each cut. The encoder
	 * cuts an application field's name before checking it against the contract and the event's
	 * other names, so a cut name that meets another is renamed or dropped like any name taken.
	 * @param name the name
	 * @param listener told when the name is cut
	 * @return the name itself when within the bound, else the cut name with its marker
	 */
	public static String boundName(String name, RedactionListener listener) {
		if (name.length() <= MAX_NAME_CHARS) {
			return name;
		}
		listener.truncated();
		return new StringBuilder(MAX_NAME_CHARS + 24).append(name, 0, cutAt(name, MAX_NAME_CHARS))
			.append("[TRUNCATED:")
			.append(name.length())
			.append(']')
			.toString();
	}

	/**
	 * Where to cut a text at a limit without splitting a surrogate pair.
	 */
	private static int cutAt(String text, int limit) {
		return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
	}

}
