package io.fluxtail.logging.line;

import java.util.function.BiConsumer;

/**
 * The bytes a writer puts before a field's value ({@code "name":} or {@code name=}), kept for the
 * names seen most recently, so that the same names on every line are escaped once and then
 * copied. Field names are mostly the same few strings (contract names, MDC keys, key/value
 * literals); a name that is not kept is simply written again.
 */
public final class EncodedNames {

	private static final int SLOTS = 1024;

	/** A name is looked for in this many slots from its hash on, so that two names rarely evict each other. */
	private static final int PROBES = 4;

	private final Entry[] entries = new Entry[SLOTS + PROBES];

	private final BiConsumer<LineBuffer, String> encoder;

	/**
	 * Creates an empty cache.
	 * @param encoder writes a name's prefix into a buffer
	 */
	public EncodedNames(BiConsumer<LineBuffer, String> encoder) {
		this.encoder = encoder;
	}

	/**
	 * Appends the prefix of a name.
	 * @param line where to write
	 * @param name the field name
	 */
	public void append(LineBuffer line, String name) {
		int first = name.hashCode() & (SLOTS - 1);
		int free = first;
		for (int slot = first; slot < first + PROBES; slot++) {
			Entry entry = this.entries[slot];
			if (entry == null) {
				free = slot;
				break;
			}
			if (entry.name == name || entry.name.equals(name)) {
				line.bytes(entry.bytes);
				return;
			}
		}
		int mark = line.length();
		this.encoder.accept(line, name);
		// entries are immutable, so a racing thread sees a whole entry or the previous one
		this.entries[free] = new Entry(name, line.copy(mark));
	}

	private record Entry(String name, byte[] bytes) {
	}

}
