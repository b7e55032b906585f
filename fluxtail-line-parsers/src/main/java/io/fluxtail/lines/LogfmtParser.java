package io.fluxtail.lines;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A strict logfmt parser with the grammar of go-logfmt's {@code Decoder.ScanKeyval} and
 * {@code unquoteBytes} (github.com/go-logfmt/logfmt, {@code decode.go} and {@code jsonstring.go}):
 * <ul>
 * <li>a key is a run of characters above space other than {@code =} and {@code "}; a {@code "}
 * in a key, or an {@code =} with no key before it, is an error;</li>
 * <li>{@code key} alone has no value, {@code key=} has an empty one;</li>
 * <li>a bare value runs to the next character at or below space, and may not hold {@code =} or
 * {@code "};</li>
 * <li>a quoted value ends at the first unescaped {@code "}; it may not hold raw control characters,
 * and its escapes are exactly JSON's: {@code \" \\ \/ \' \b \f \n \r \t \}{@code uXXXX}.</li>
 * </ul>
 * Stricter than go-logfmt, so that a line accepted here is accepted there: pairs must be separated
 * by exactly one space (go skips any run of characters at or below space, and reads
 * {@code a="x"b=1} as two pairs).
 */
public final class LogfmtParser {

	private LogfmtParser() {
	}

	/**
	 * Parses one line.
	 * @param line the line, without its line separator
	 * @return the pairs in order
	 * @throws IllegalArgumentException when the line is not valid logfmt
	 */
	public static List<Pair> parse(String line) {
		return parse(line, 0);
	}

	/**
	 * Parses a line from a position on.
	 * @param line the line, without its line separator
	 * @param from where the first key starts
	 * @return the pairs in order
	 * @throws IllegalArgumentException when the rest of the line is not valid logfmt
	 */
	public static List<Pair> parse(String line, int from) {
		List<Pair> pairs = new ArrayList<>();
		read(line, from, Integer.MAX_VALUE, pairs);
		return pairs;
	}

	/**
	 * Reads at most {@code count} pairs from a position on, leaving the rest of the line unread.
	 * @param line the line, without its line separator
	 * @param from where the first key starts
	 * @param count how many pairs to read at most
	 * @param pairs receives the pairs read
	 * @return the index after the last pair read
	 * @throws IllegalArgumentException when what is read is not valid logfmt
	 */
	public static int read(String line, int from, int count, List<Pair> pairs) {
		int i = from;
		int length = line.length();
		int target = pairs.size() + count;
		while (i < length && pairs.size() < target) {
			if (i > from) {
				if (line.charAt(i) != ' ' || i + 1 == length) {
					throw error("Expected one space between pairs", line, i);
				}
				i++;
			}
			int keyStart = i;
			while (i < length && line.charAt(i) > ' ' && line.charAt(i) != '=') {
				if (line.charAt(i) == '"') {
					throw error("Unexpected '\"' in key", line, i);
				}
				i++;
			}
			if (i == keyStart) {
				throw error("Expected a key", line, i);
			}
			String key = line.substring(keyStart, i);
			if (i == length || line.charAt(i) != '=') {
				pairs.add(new Pair(key, null, false));
				continue;
			}
			i++;
			if (i < length && line.charAt(i) == '"') {
				StringBuilder value = new StringBuilder();
				i = unquote(line, i + 1, value);
				pairs.add(new Pair(key, value.toString(), true));
			}
			else {
				int valueStart = i;
				while (i < length && line.charAt(i) > ' ') {
					if (line.charAt(i) == '=' || line.charAt(i) == '"') {
						throw error("Unexpected '" + line.charAt(i) + "' in a bare value", line, i);
					}
					i++;
				}
				pairs.add(new Pair(key, line.substring(valueStart, i), false));
			}
		}
		return i;
	}

	/**
	 * Reads a quoted value's body up to and including its closing quote.
	 * @return the index after the closing quote
	 */
	private static int unquote(String line, int start, StringBuilder value) {
		int i = start;
		while (i < line.length()) {
			char c = line.charAt(i++);
			if (c == '"') {
				return i;
			}
			if (c < ' ') {
				throw error("Raw control character in a quoted value", line, i - 1);
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			if (i == line.length()) {
				break;
			}
			char escaped = line.charAt(i++);
			switch (escaped) {
				case '"', '\\', '/', '\'' -> value.append(escaped);
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> {
					if (i + 4 > line.length()) {
						throw error("Short \\u escape", line, i);
					}
					value.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
					i += 4;
				}
				default -> throw error("Invalid escape \\" + escaped, line, i - 1);
			}
		}
		throw error("Unterminated quoted value", line, start);
	}

	private static IllegalArgumentException error(String message, String line, int position) {
		return new IllegalArgumentException(message + " at " + position + " in: " + line);
	}

	/**
	 * One parsed key and its value.
	 *
	 * @param key the key as written
	 * @param value the value, {@code null} for a key without {@code =}
	 * @param quoted whether the value was quoted, which tells the string {@code "null"} from null
	 */
	public record Pair(String key, @Nullable String value, boolean quoted) {

		/**
		 * Returns the key with its percent-encoding undone: the field's name.
		 * @return the name
		 */
		public String name() {
			return LogfmtKeys.decode(this.key);
		}

		/**
		 * Returns the value's string form as in JSON: a bare {@code null} is null.
		 * @return the string form
		 */
		public @Nullable String jsonText() {
			return (!this.quoted && "null".equals(this.value)) ? null : this.value;
		}

	}

}
