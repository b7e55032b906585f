package io.fluxtail.logging.line;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A growable UTF-8 byte buffer that writers append one line to. Text goes straight to bytes, so a
 * line costs one allocation (the returned array) once the buffer is warm.
 */
public final class LineBuffer {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final boolean[] ASCII = table((c) -> true);

	/**
	 * Characters copied out of a string per look, fewer at the first: bounded, so that a text
	 * escaped every few characters is not copied again from each escape to its end.
	 */
	private static final int CHUNK = 256;

	private static final int FIRST_CHUNK = 32;

	private byte[] bytes;

	private int length;

	private final char[] chars = new char[CHUNK];

	/**
	 * Creates an empty buffer.
	 * @param capacity the initial capacity in bytes
	 */
	public LineBuffer(int capacity) {
		this.bytes = new byte[capacity];
	}

	/**
	 * Appends an ASCII character (below 0x80).
	 * @param c the character
	 * @return this buffer
	 */
	public LineBuffer ascii(char c) {
		if (this.length == this.bytes.length) {
			grow(1);
		}
		this.bytes[this.length++] = (byte) c;
		return this;
	}

	/**
	 * Appends a string known to be ASCII, such as a number's text or a fixed name.
	 * @param text the text
	 * @return this buffer
	 */
	public LineBuffer ascii(String text) {
		int count = text.length();
		ensure(count);
		byte[] bytes = this.bytes;
		int length = this.length;
		for (int i = 0; i < count; i++) {
			bytes[length++] = (byte) text.charAt(i);
		}
		this.length = length;
		return this;
	}

	/**
	 * Appends text as is, in UTF-8. A lone surrogate is written as {@code ?}, as
	 * {@link String#getBytes} does.
	 * @param text the text
	 * @return this buffer
	 */
	public LineBuffer text(String text) {
		int i = 0;
		while (i < text.length()) {
			i = plain(text, i, ASCII);
			if (i < text.length()) {
				i = codePoint(text, i);
			}
		}
		return this;
	}

	/**
	 * Appends characters of a text from a position on while they are ASCII and allowed by the
	 * table, in one tight loop: the fast path of every writer.
	 * @param text the text
	 * @param from where to start
	 * @param allowed for each ASCII character, whether it is copied as is
	 * @return the index of the first character not copied, or the text's length
	 */
	public int plain(String text, int from, boolean[] allowed) {
		int end = text.length();
		int i = from;
		int chunk = FIRST_CHUNK;
		while (i < end) {
			int count = Math.min(end - i, chunk);
			chunk = CHUNK;
			ensure(count);
			// String.getChars inflates or copies with an intrinsic; a loop of charAt checks the
			// string's coding at every character (LineBuffer.plain was 18% of an encode, JMH profile)
			text.getChars(i, i + count, this.chars, 0);
			int copied = plainChars(count, allowed);
			i += copied;
			if (copied < count) {
				break;
			}
		}
		return i;
	}

	private int plainChars(int count, boolean[] allowed) {
		char[] chars = this.chars;
		byte[] bytes = this.bytes;
		int length = this.length;
		int i = 0;
		while (i < count) {
			char c = chars[i];
			if (c >= 0x80 || !allowed[c]) {
				break;
			}
			bytes[length + i] = (byte) c;
			i++;
		}
		this.length = length + i;
		return i;
	}

	/**
	 * Whether a character is escaped in every format, keys and values alike: the C0 and C1 controls
	 * and DEL, the line and paragraph separators U+2028 and U+2029 (which some readers take for line
	 * breaks), and the characters a terminal shows as nothing or uses to reorder the text around
	 * them: soft hyphen U+00AD, Arabic letter mark U+061C, Mongolian vowel separator U+180E,
	 * zero-width characters and direction marks U+200B-U+200F, embeddings and overrides
	 * U+202A-U+202E, word joiner, invisible operators and isolates U+2060-U+206F, byte order mark
	 * U+FEFF and interlinear annotation controls U+FFF9-U+FFFB.
	 * @param c the character
	 * @return whether no format writes it as is
	 */
	public static boolean isUnsafe(char c) {
		if (c < 0xad) {
			return c < 0x20 || (c >= 0x7f && c <= 0x9f);
		}
		if (c < 0x2000) {
			return c == 0xad || c == 0x61c || c == 0x180e;
		}
		if (c <= 0x206f) {
			return (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || c >= 0x2060;
		}
		return c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb);
	}

	/**
	 * Builds a table for {@link #plain}.
	 * @param allowed which ASCII characters are copied as is
	 * @return the table
	 */
	public static boolean[] table(IntPredicate allowed) {
		boolean[] table = new boolean[0x80];
		for (int c = 0; c < table.length; c++) {
			table[c] = allowed.test(c);
		}
		return table;
	}

	/**
	 * Appends bytes prepared earlier with {@link #copy(int)}.
	 * @param prepared the bytes
	 * @return this buffer
	 */
	public LineBuffer bytes(byte[] prepared) {
		ensure(prepared.length);
		System.arraycopy(prepared, 0, this.bytes, this.length, prepared.length);
		this.length += prepared.length;
		return this;
	}

	/**
	 * Returns a copy of what was written after a mark.
	 * @param mark a length returned by {@link #length()}
	 * @return the bytes written since
	 */
	public byte[] copy(int mark) {
		return Arrays.copyOfRange(this.bytes, mark, this.length);
	}

	/**
	 * Forgets what was written after a mark, to write it another way.
	 * @param mark a length returned by {@link #length()}
	 */
	public void truncate(int mark) {
		this.length = mark;
	}

	/**
	 * Appends the non-ASCII character at {@code index} in UTF-8, with its low surrogate when it is
	 * a high one.
	 * @param text the text
	 * @param index where the character is
	 * @return the index of the next character
	 */
	public int codePoint(CharSequence text, int index) {
		char c = text.charAt(index);
		ensure(4);
		if (c < 0x800) {
			this.bytes[this.length++] = (byte) (0xc0 | (c >> 6));
			this.bytes[this.length++] = (byte) (0x80 | (c & 0x3f));
			return index + 1;
		}
		if (Character.isHighSurrogate(c) && index + 1 < text.length()
				&& Character.isLowSurrogate(text.charAt(index + 1))) {
			int cp = Character.toCodePoint(c, text.charAt(index + 1));
			this.bytes[this.length++] = (byte) (0xf0 | (cp >> 18));
			this.bytes[this.length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
			this.bytes[this.length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
			this.bytes[this.length++] = (byte) (0x80 | (cp & 0x3f));
			return index + 2;
		}
		if (Character.isSurrogate(c)) {
			this.bytes[this.length++] = '?';
			return index + 1;
		}
		this.bytes[this.length++] = (byte) (0xe0 | (c >> 12));
		this.bytes[this.length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
		this.bytes[this.length++] = (byte) (0x80 | (c & 0x3f));
		return index + 1;
	}

	/**
	 * Appends {@code \}{@code uXXXX}.
	 * @param c the escaped character
	 * @return this buffer
	 */
	public LineBuffer unicodeEscape(char c) {
		ensure(6);
		this.bytes[this.length++] = '\\';
		this.bytes[this.length++] = 'u';
		this.bytes[this.length++] = (byte) HEX[(c >> 12) & 0xf];
		this.bytes[this.length++] = (byte) HEX[(c >> 8) & 0xf];
		this.bytes[this.length++] = (byte) HEX[(c >> 4) & 0xf];
		this.bytes[this.length++] = (byte) HEX[c & 0xf];
		return this;
	}

	/**
	 * Appends {@code %XX}, the percent-encoding of one byte.
	 * @param b the byte
	 * @return this buffer
	 */
	public LineBuffer percentEncoded(int b) {
		ensure(3);
		this.bytes[this.length++] = '%';
		this.bytes[this.length++] = (byte) Character.toUpperCase(HEX[(b >> 4) & 0xf]);
		this.bytes[this.length++] = (byte) Character.toUpperCase(HEX[b & 0xf]);
		return this;
	}

	/**
	 * Appends a whole number's decimal text without creating a string.
	 * @param value the number
	 * @return this buffer
	 */
	public LineBuffer number(long value) {
		if (value == Long.MIN_VALUE) {
			return ascii(Long.toString(value));
		}
		ensure(20);
		long rest = value;
		if (rest < 0) {
			this.bytes[this.length++] = '-';
			rest = -rest;
		}
		int start = this.length;
		do {
			this.bytes[this.length++] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		while (rest != 0);
		for (int i = start, j = this.length - 1; i < j; i++, j--) {
			byte swap = this.bytes[i];
			this.bytes[i] = this.bytes[j];
			this.bytes[j] = swap;
		}
		return this;
	}

	/**
	 * Appends the text every format writes for a number, so that JSON and logfmt show the same
	 * digits: whole numbers in decimal, {@code float}s and {@code double}s as Java prints them.
	 * @param value the number
	 * @return this buffer
	 */
	public LineBuffer number(Number value) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return number(value.longValue());
		}
		if (value instanceof BigDecimal decimal) {
			return ascii(decimal.toString());
		}
		return ascii(value.toString());
	}

	/**
	 * Whether a number has a JSON form; NaN and the infinities are written as strings.
	 * @param value the number
	 * @return whether it is finite
	 */
	public static boolean isFinite(Number value) {
		return !((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue()));
	}

	/**
	 * Appends another buffer's bytes, escaping {@code "} and {@code \} so that they can sit inside
	 * a quoted value. Used for JSON text, which holds no raw control characters.
	 * @param other the buffer to copy
	 * @return this buffer
	 */
	public LineBuffer quotedCopyOf(LineBuffer other) {
		ensure(other.length + 2);
		ascii('"');
		for (int i = 0; i < other.length; i++) {
			byte b = other.bytes[i];
			if (b == '"' || b == '\\') {
				ascii('\\');
			}
			if (this.length == this.bytes.length) {
				grow(1);
			}
			this.bytes[this.length++] = b;
		}
		return ascii('"');
	}

	/**
	 * Returns the line written so far followed by a line separator.
	 * @return a new array
	 */
	public byte[] toLine() {
		ascii('\n');
		return Arrays.copyOf(this.bytes, this.length);
	}

	/**
	 * Returns the number of bytes written.
	 * @return the length
	 */
	public int length() {
		return this.length;
	}

	/**
	 * Returns the size the buffer has grown to.
	 * @return the capacity in bytes
	 */
	public int capacity() {
		return this.bytes.length;
	}

	/**
	 * Empties the buffer for the next line.
	 */
	public void reset() {
		this.length = 0;
	}

	private void ensure(int count) {
		if (this.length + count > this.bytes.length) {
			grow(count);
		}
	}

	private void grow(int count) {
		this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + count));
	}

}
