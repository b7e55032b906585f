package io.fluxtail.logging.line;

/**
 * Renders an event's fields as one line. Writers differ only in rendering: they never read the
 * event, apply defaults or redact, so every format shows exactly the same fields.
 */
@FunctionalInterface
public interface LineWriter {

	/**
	 * Appends one line, without the line separator.
	 * @param fields the event's fields, collected and redacted
	 * @param line an empty buffer to write into
	 */
	void write(EventFields fields, LineBuffer line);

}
