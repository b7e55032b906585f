package io.fluxtail.test;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.AssertProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line the application wrote: its text as written, in the application's format, and its
 * fields under their output names with their JSON types. Assert on it with AssertJ's
 * {@code assertThat(line)}.
 */
public final class LogLine implements AssertProvider<LogLineAssert> {

	private static final int SHOWN_MESSAGE = 60;

	private final int number;

	private final String text;

	private final ObjectNode fields;

	private final ObjectNode raw;

	private final LineContext context;

	LogLine(int number, String text, ObjectNode fields, ObjectNode raw, LineContext context) {
		this.number = number;
		this.text = text;
		this.fields = fields;
		this.raw = raw;
		this.context = context;
	}

	/**
	 * Returns the line's position among the lines read or captured, from 1.
	 * @return the number
	 */
	public int number() {
		return this.number;
	}

	/**
	 * Returns the line as written, without its separator.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Returns the names of the line's fields, in the order written.
	 * @return the names
	 */
	public List<String> names() {
		return new ArrayList<>(this.fields.propertyNames());
	}

	/**
	 * Returns a field's value with its JSON type. Lines read from logfmt or text carry no types:
	 * a bare number reads as a number, {@code true} and {@code false} as booleans, a bare
	 * {@code null} as null, anything else as a string.
	 * @param name the field's output name
	 * @return the value, {@code null} when the line has no such field
	 */
	public @Nullable JsonNode field(String name) {
		return this.fields.get(name);
	}

	/**
	 * Returns a field's value as text: a string as is, any other value as its JSON text.
	 * @param name the field's output name
	 * @return the text, {@code null} when the field is absent or null
	 */
	public @Nullable String text(String name) {
		return textOf(this.fields.get(name));
	}

	/**
	 * Returns the message.
	 * @return the message, {@code null} when the line has none
	 */
	public @Nullable String message() {
		return text(this.context.message());
	}

	/**
	 * Returns the logger's name.
	 * @return the logger, {@code null} when the line has none
	 */
	public @Nullable String logger() {
		return text(this.context.logger());
	}

	/**
	 * Returns the level.
	 * @return the level, {@code null} when the line has none or an unknown one
	 */
	public @Nullable Level level() {
		String level = text(this.context.level());
		for (Level known : Level.values()) {
			if (known.name().equals(level)) {
				return known;
			}
		}
		return null;
	}

	/**
	 * Returns the id of the unit of work that wrote the line.
	 * @return the request id, {@code null} when the line has none
	 */
	public @Nullable String requestId() {
		return text(this.context.requestId());
	}

	/**
	 * The values before redaction, under the same names: what the application passed to the
	 * logger. Lines read from text are already redacted.
	 */
	ObjectNode raw() {
		return this.raw;
	}

	LineContext context() {
		return this.context;
	}

	@Override
	public LogLineAssert assertThat() {
		return new LogLineAssert(this);
	}

	/**
	 * Returns how failure messages name the line: its number, level, logger and message.
	 * @return the description, such as {@code line 7 [INFO checkout.api "order accepted"]}
	 */
	@Override
	public String toString() {
		String message = String.valueOf(message());
		if (message.length() > SHOWN_MESSAGE) {
			message = message.substring(0, SHOWN_MESSAGE) + "...";
		}
		return "line " + this.number + " [" + level() + " " + logger() + " \"" + message + "\"]";
	}

	/**
	 * Names the line without its message, which may hold what a check must not repeat.
	 */
	String brief() {
		return "line " + this.number + " [" + level() + " " + logger() + "]";
	}

	static @Nullable String textOf(@Nullable JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.asString() : value.toString();
	}

}
