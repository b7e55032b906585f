package io.fluxtail.logging.encoder;

import java.time.Instant;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.contract.CoreFields;

/**
 * The line written when an event cannot be encoded normally: still one valid JSON object, with the
 * event's core fields and the reason, built without any library that may have failed.
 */
final class FallbackLine {

	private FallbackLine() {
	}

	static String render(ILoggingEvent event, Exception failure) {
		StringBuilder line = new StringBuilder(256).append('{');
		append(line, CoreFields.TIMESTAMP, Instant.ofEpochMilli(event.getTimeStamp()).toString()).append(',');
		append(line, CoreFields.LEVEL, String.valueOf(event.getLevel())).append(',');
		append(line, CoreFields.LOGGER, event.getLoggerName()).append(',');
		append(line, CoreFields.MESSAGE, String.valueOf(event.getMessage())).append(',');
		append(line, "encoder_error", failure.getClass().getName());
		return line.append("}\n").toString();
	}

	private static StringBuilder append(StringBuilder line, String name, String value) {
		line.append('"').append(name).append("\":\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				line.append('\\').append(c);
			}
			else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
				line.append(String.format("\\u%04x", (int) c));
			}
			else {
				line.append(c);
			}
		}
		return line.append('"');
	}

}
