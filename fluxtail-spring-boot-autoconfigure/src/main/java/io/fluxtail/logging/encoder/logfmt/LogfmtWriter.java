package io.fluxtail.logging.encoder.logfmt;

import io.fluxtail.logging.encoder.EventFields;
import io.fluxtail.logging.encoder.EventFields.Role;
import io.fluxtail.logging.encoder.LineBuffer;
import io.fluxtail.logging.encoder.LineWriter;

/**
 * Writes {@link EventFields} as one strict logfmt line in which every token is a pair:
 * {@code timestamp=2026-04-24T10:14:03.125Z level=INFO logger=checkout.api service=checkout-api env=prod request_id=req-9f2c thread=main message="checkout started" order_id=4921}.
 *
 * <p>
 * The event's time, level and logger come first, then the contract fields, the thread, the
 * message (always quoted), the application's fields and the exception. A logfmt reader gets
 * exactly the fields of the same event in JSON, with the string forms of the same values; see
 * {@link Logfmt} for the rules.
 */
public final class LogfmtWriter implements LineWriter {

	/** The order fields are written in: what identifies the event first. */
	static final Role[] ORDER = { Role.TIMESTAMP, Role.LEVEL, Role.LOGGER, Role.CONTEXT, Role.THREAD, Role.MESSAGE,
			Role.BUSINESS, Role.ERROR };

	private final Logfmt logfmt;

	/**
	 * Creates a writer.
	 * @param logfmt the quoting rules
	 */
	public LogfmtWriter(Logfmt logfmt) {
		this.logfmt = logfmt;
	}

	@Override
	public void write(EventFields fields, LineBuffer line) {
		int start = line.length();
		for (Role role : ORDER) {
			for (int i = 0; i < fields.size(); i++) {
				if (fields.role(i) == role) {
					if (line.length() > start) {
						line.ascii(' ');
					}
					if (role == Role.MESSAGE && fields.value(i) instanceof String message) {
						Logfmt.key(line, fields.name(i));
						line.ascii('=');
						Logfmt.quoted(line, message);
					}
					else {
						this.logfmt.pair(line, fields.name(i), fields.value(i));
					}
				}
			}
		}
	}

}
