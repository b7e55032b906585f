package io.fluxtail.logging.encoder.logfmt;

import io.fluxtail.logging.encoder.EventFields;
import io.fluxtail.logging.encoder.EventFields.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link EventFields} as one logfmt line:
 * {@code 2026-04-24T10:14:03.125Z INFO checkout.api service=checkout-api env=prod request_id=req-9f2c checkout started order_id=4921}.
 *
 * <p>
 * Timestamp, level and logger come first as bare words, then the contract fields, then the
 * message, then every other field. The message stays bare while it is plain words; one that
 * could be misread (an {@code =}, a quote, a control character, doubled or edge spaces) is written
 * as a quoted {@code message="..."} pair instead, so no message can forge a field or a line.
 */
public final class LogfmtWriter {

	private final JsonMapper mapper;

	/**
	 * Creates a writer.
	 * @param mapper renders nested values (maps, lists, objects) as JSON text
	 */
	public LogfmtWriter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Appends one line, without the line separator.
	 * @param fields the event's fields
	 * @param line where to write
	 */
	public void write(EventFields fields, StringBuilder line) {
		appendBare(fields, Role.TIMESTAMP, line);
		appendBare(fields, Role.LEVEL, line);
		appendBare(fields, Role.LOGGER, line);
		appendPairs(fields, Role.CONTEXT, line);
		appendMessage(fields, line);
		appendPairs(fields, Role.THREAD, line);
		appendPairs(fields, Role.BUSINESS, line);
		appendPairs(fields, Role.ERROR, line);
	}

	private void appendBare(EventFields fields, Role role, StringBuilder line) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.role(i) == role) {
				separate(line);
				Object value = fields.value(i);
				String text = (value != null) ? value.toString() : "";
				if (Logfmt.isBare(text)) {
					line.append(text);
				}
				else {
					Logfmt.appendPair(line, fields.name(i), text);
				}
			}
		}
	}

	private void appendMessage(EventFields fields, StringBuilder line) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.role(i) == Role.MESSAGE) {
				Object value = fields.value(i);
				String message = (value != null) ? value.toString() : "";
				if (message.isEmpty()) {
					continue;
				}
				separate(line);
				if (Logfmt.isPlainWords(message)) {
					line.append(message);
				}
				else {
					Logfmt.appendPair(line, fields.name(i), message);
				}
			}
		}
	}

	private void appendPairs(EventFields fields, Role role, StringBuilder line) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.role(i) == role) {
				separate(line);
				Logfmt.appendPair(line, fields.name(i), text(fields.value(i)));
			}
		}
	}

	private String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return this.mapper.writeValueAsString(value);
	}

	private static void separate(StringBuilder line) {
		if (!line.isEmpty()) {
			line.append(' ');
		}
	}

}
