package io.fluxtail.logging.encoder.text;

import io.fluxtail.logging.encoder.EventFields;
import io.fluxtail.logging.encoder.EventFields.Role;
import io.fluxtail.logging.encoder.LineBuffer;
import io.fluxtail.logging.encoder.LineWriter;
import io.fluxtail.logging.encoder.logfmt.Logfmt;

/**
 * Writes {@link EventFields} as one line for people reading a terminal or {@code kubectl logs}:
 * {@code 2026-04-24T10:14:03.125Z INFO checkout.api service=checkout-api env=prod request_id=req-9f2c thread=main checkout started order_id=4921}.
 *
 * <p>
 * The time, level and logger are bare words, then come the contract fields and the thread as
 * logfmt pairs, then the message as plain text, then the application's fields and the exception as
 * pairs. Everything the message could use to break the line is escaped ({@code \n}, {@code \\},
 * {@code \}{@code uXXXX} for other controls), and the contract fields are written before it, so a
 * message can neither start another event nor shift or forge a contract field: the first
 * {@code service=} of a line is always the real one.
 */
public final class TextWriter implements LineWriter {

	private static final Role[] HEAD = { Role.TIMESTAMP, Role.LEVEL, Role.LOGGER };

	private static final Role[] PAIRS_BEFORE_MESSAGE = { Role.CONTEXT, Role.THREAD };

	private static final Role[] PAIRS_AFTER_MESSAGE = { Role.BUSINESS, Role.ERROR };

	private final Logfmt logfmt;

	/**
	 * Creates a writer.
	 * @param logfmt how fields are written as pairs
	 */
	public TextWriter(Logfmt logfmt) {
		this.logfmt = logfmt;
	}

	@Override
	public void write(EventFields fields, LineBuffer line) {
		int start = line.length();
		for (Role role : HEAD) {
			for (int i = 0; i < fields.size(); i++) {
				if (fields.role(i) == role) {
					separate(line, start);
					Logfmt.text(line, String.valueOf(fields.value(i)));
				}
			}
		}
		pairs(fields, PAIRS_BEFORE_MESSAGE, line, start);
		for (int i = 0; i < fields.size(); i++) {
			if (fields.role(i) == Role.MESSAGE && fields.value(i) instanceof String message && !message.isEmpty()) {
				separate(line, start);
				Logfmt.escaped(line, message, false);
			}
		}
		pairs(fields, PAIRS_AFTER_MESSAGE, line, start);
	}

	private void pairs(EventFields fields, Role[] roles, LineBuffer line, int start) {
		for (Role role : roles) {
			for (int i = 0; i < fields.size(); i++) {
				if (fields.role(i) == role) {
					separate(line, start);
					this.logfmt.pair(line, fields.name(i), fields.value(i));
				}
			}
		}
	}

	private static void separate(LineBuffer line, int start) {
		if (line.length() > start) {
			line.ascii(' ');
		}
	}

}
