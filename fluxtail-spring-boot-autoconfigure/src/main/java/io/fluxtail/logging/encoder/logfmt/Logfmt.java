package io.fluxtail.logging.encoder.logfmt;

/**
 * Quoting rules of logfmt: a value is bare when it is non-empty and has no space, quote,
 * backslash, {@code =} or control character; otherwise it is quoted with JSON-style escapes.
 * Keys are sanitized the same way so that any field name yields one parseable key.
 */
final class Logfmt {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Logfmt() {
	}

	static boolean isBare(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isBareChar(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a message can be written unquoted: words made of bare characters separated by
	 * single spaces, so that a parser reads each word back as a value-less key.
	 */
	static boolean isPlainWords(String message) {
		if (message.isEmpty() || message.charAt(0) == ' ' || message.charAt(message.length() - 1) == ' ') {
			return false;
		}
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			if (c == ' ') {
				if (message.charAt(i - 1) == ' ') {
					return false;
				}
			}
			else if (!isBareChar(c)) {
				return false;
			}
		}
		return true;
	}

	static void appendPair(StringBuilder line, String key, String value) {
		appendKey(line, key);
		line.append('=');
		appendValue(line, value);
	}

	static void appendKey(StringBuilder line, String key) {
		if (key.isEmpty()) {
			line.append('_');
			return;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			line.append(isBareChar(c) ? c : '_');
		}
	}

	static void appendValue(StringBuilder line, String value) {
		if (isBare(value)) {
			line.append(value);
			return;
		}
		line.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> line.append("\\\"");
				case '\\' -> line.append("\\\\");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				case '\t' -> line.append("\\t");
				default -> {
					if (isControl(c)) {
						line.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
							.append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
					}
					else {
						line.append(c);
					}
				}
			}
		}
		line.append('"');
	}

	private static boolean isBareChar(char c) {
		return c > ' ' && c != '=' && c != '"' && c != '\\' && !isControl(c);
	}

	/**
	 * C0 and C1 controls, DEL, and the Unicode line and paragraph separators, any of which a
	 * terminal or log viewer may treat as a line break.
	 */
	private static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
	}

}
