package io.fluxtail.logging.encoder.logfmt;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict logfmt parser with the grammar of the common Go implementation: keys are runs of
 * characters above space other than {@code =} and {@code "}; a value is bare (same characters) or
 * quoted with backslash escapes; a key without {@code =} has no value. Anything else is an error,
 * so a line that parses here parses with an ordinary logfmt parser.
 */
public final class LogfmtParser {

	private LogfmtParser() {
	}

	/**
	 * Parses one line.
	 * @param line the line, without its line separator
	 * @return the pairs in order; a value-less key has a {@code null} value
	 * @throws IllegalArgumentException when the line is not valid logfmt
	 */
	public static List<Pair> parse(String line) {
		List<Pair> pairs = new ArrayList<>();
		int i = 0;
		int length = line.length();
		while (i < length) {
			char c = line.charAt(i);
			if (c == ' ') {
				i++;
				continue;
			}
			int keyStart = i;
			while (i < length && isKeyChar(line.charAt(i))) {
				i++;
			}
			if (i == keyStart) {
				throw new IllegalArgumentException("Unexpected '" + line.charAt(i) + "' at " + i + " in: " + line);
			}
			String key = line.substring(keyStart, i);
			if (i == length || line.charAt(i) == ' ') {
				pairs.add(new Pair(key, null));
				continue;
			}
			if (line.charAt(i) != '=') {
				throw new IllegalArgumentException("Unexpected '" + line.charAt(i) + "' at " + i + " in: " + line);
			}
			i++;
			if (i < length && line.charAt(i) == '"') {
				StringBuilder value = new StringBuilder();
				i++;
				boolean closed = false;
				while (i < length) {
					char v = line.charAt(i++);
					if (v == '"') {
						closed = true;
						break;
					}
					if (v == '\\') {
						if (i == length) {
							break;
						}
						char escaped = line.charAt(i++);
						switch (escaped) {
							case 'n' -> value.append('\n');
							case 'r' -> value.append('\r');
							case 't' -> value.append('\t');
							case '"', '\\' -> value.append(escaped);
							case 'u' -> {
								value.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
								i += 4;
							}
							default -> throw new IllegalArgumentException("Bad escape \\" + escaped + " in: " + line);
						}
					}
					else if (v < ' ') {
						throw new IllegalArgumentException("Control character inside quotes in: " + line);
					}
					else {
						value.append(v);
					}
				}
				if (!closed) {
					throw new IllegalArgumentException("Unterminated quote in: " + line);
				}
				if (i < length && line.charAt(i) != ' ') {
					throw new IllegalArgumentException("Missing space after quoted value at " + i + " in: " + line);
				}
				pairs.add(new Pair(key, value.toString()));
			}
			else {
				int valueStart = i;
				while (i < length && line.charAt(i) != ' ') {
					if (!isKeyChar(line.charAt(i))) {
						throw new IllegalArgumentException("Unexpected '" + line.charAt(i) + "' in value in: " + line);
					}
					i++;
				}
				pairs.add(new Pair(key, line.substring(valueStart, i)));
			}
		}
		return pairs;
	}

	private static boolean isKeyChar(char c) {
		return c > ' ' && c != '=' && c != '"';
	}

	/**
	 * One parsed key and its value.
	 *
	 * @param key the key
	 * @param value the value, {@code null} for a key without {@code =}
	 */
	public record Pair(String key, String value) {
	}

}
