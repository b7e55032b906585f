package io.fluxtail.lines;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The reverse of the documented key rule: every {@code %XX} is the byte 0xXX of the name's UTF-8.
 */
final class LogfmtKeys {

	private LogfmtKeys() {
	}

	static String decode(String key) {
		if (key.indexOf('%') < 0) {
			return key;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < key.length();) {
			char c = key.charAt(i);
			if (c == '%') {
				bytes.write(Integer.parseInt(key.substring(i + 1, i + 3), 16));
				i += 3;
			}
			else {
				int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
				bytes.writeBytes(key.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
