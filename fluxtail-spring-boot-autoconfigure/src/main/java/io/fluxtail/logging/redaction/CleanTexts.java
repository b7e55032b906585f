package io.fluxtail.logging.redaction;

/**
 * Short texts a policy has found clean, remembered by identity. The MDC values of a request (its
 * ids, tenant, order) are the same {@code String} objects on every line the request writes, so
 * each is searched on the request's first line only. Nothing is remembered by content: an equal
 * but different object is searched again, so a cached answer can never be about another text.
 *
 * <p>
 * Direct-mapped and unsynchronized on purpose: a slot lost to a race or a collision only costs one
 * more search, and a {@code String} is immutable, so one seen through a slot is complete.
 */
final class CleanTexts {

	/** Longer texts are rarely repeated objects, and are not kept alive by this cache. */
	static final int MAX_LENGTH = 128;

	private static final int SLOTS = 256;

	private final String[] slots = new String[SLOTS];

	boolean contains(String text) {
		return this.slots[slot(text)] == text;
	}

	void add(String text) {
		if (text.length() <= MAX_LENGTH) {
			this.slots[slot(text)] = text;
		}
	}

	private static int slot(String text) {
		int length = text.length();
		if (length == 0) {
			return 0;
		}
		return (length * 31 + text.charAt(length >> 1) * 7 + text.charAt(length - 1)) & (SLOTS - 1);
	}

}
