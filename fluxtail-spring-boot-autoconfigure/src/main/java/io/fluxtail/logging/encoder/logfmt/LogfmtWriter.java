package io.fluxtail.logging.encoder.logfmt;

import io.fluxtail.logging.line.EventFields.Role;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.LineBuffer;
import io.fluxtail.logging.line.LineWriter;

/**
 * Writes {@link EventFields} as one line of {@code key=value} pairs, in one of two shapes.
 *
 * <p>
 * {@link #logfmt Strict logfmt}, in which every token is a pair, so that a logfmt reader gets
 * exactly the fields of the same event in JSON, with the string forms of the same values (see
 * {@link Logfmt} for the rules):
 * {@code timestamp=2026-04-24T10:14:03.125Z level=INFO logger=checkout.api service=checkout-api env=prod request_id=req-9f2c thread=main message="checkout started" order_id=4921}
 *
 * <p>
 * {@link #text Text} for people reading a terminal or {@code kubectl logs}, with the time, level
 * and logger as bare words and the message as plain text:
 * {@code 2026-04-24T10:14:03.125Z INFO checkout.api service=checkout-api env=prod request_id=req-9f2c thread=main checkout started order_id=4921}.
 * Everything the message could use to break the line is escaped ({@code \n}, {@code \\},
 * {@code \}{@code uXXXX} for other controls), and the contract fields come before it, so a
 * message can neither start another event nor shift a contract field: the first
 * {@code service=} of a line is always the real one.
 *
 * <p>
 * Both write the event's time, level and logger, the contract fields, the thread, the message,
 * then the application's fields and the exception.
 */
public final class LogfmtWriter implements LineWriter {

	private final Logfmt logfmt;

	private final boolean forPeople;

	private LogfmtWriter(Logfmt logfmt, boolean forPeople) {
		this.logfmt = logfmt;
		this.forPeople = forPeople;
	}

	/**
	 * Returns the strict logfmt writer.
	 * @param logfmt the quoting rules
	 * @return the writer
	 */
	public static LogfmtWriter logfmt(Logfmt logfmt) {
		return new LogfmtWriter(logfmt, false);
	}

	/**
	 * Returns the writer of text lines for people.
	 * @param logfmt the quoting rules of the pairs
	 * @return the writer
	 */
	public static LogfmtWriter text(Logfmt logfmt) {
		return new LogfmtWriter(logfmt, true);
	}

	/**
	 * One pass over the list, whose event fields come first: the thread and the message are held
	 * back until the contract fields are written.
	 */
	@Override
	public void write(EventFields fields, LineBuffer line) {
		int thread = -1;
		int message = -1;
		boolean heldBackWritten = false;
		for (int i = 0; i < fields.size(); i++) {
			Role role = fields.role(i);
			if (role == Role.THREAD) {
				thread = i;
			}
			else if (role == Role.MESSAGE) {
				message = i;
			}
			else if (this.forPeople && (role == Role.TIMESTAMP || role == Role.LEVEL || role == Role.LOGGER)) {
				separate(line);
				Logfmt.text(line, String.valueOf(fields.value(i)));
			}
			else {
				if (!heldBackWritten && (role == Role.BUSINESS || role == Role.ERROR)) {
					writeHeldBack(fields, thread, message, line);
					heldBackWritten = true;
				}
				pair(fields, i, line);
			}
		}
		if (!heldBackWritten) {
			writeHeldBack(fields, thread, message, line);
		}
	}

	private void writeHeldBack(EventFields fields, int thread, int message, LineBuffer line) {
		if (thread >= 0) {
			pair(fields, thread, line);
		}
		if (message < 0) {
			return;
		}
		if (!(fields.value(message) instanceof String text)) {
			pair(fields, message, line);
		}
		else if (!this.forPeople) {
			separate(line);
			this.logfmt.quotedPair(line, fields.name(message), text);
		}
		else if (!text.isEmpty()) {
			separate(line);
			Logfmt.escaped(line, text, false);
		}
	}

	private void pair(EventFields fields, int index, LineBuffer line) {
		separate(line);
		this.logfmt.pair(line, fields.name(index), fields.value(index));
	}

	private static void separate(LineBuffer line) {
		if (line.length() > 0) {
			line.ascii(' ');
		}
	}

}
