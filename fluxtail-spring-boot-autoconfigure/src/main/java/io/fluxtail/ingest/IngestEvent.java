package io.fluxtail.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.EventFields.Role;
import org.jspecify.annotations.Nullable;

/**
 * One event as the logging thread hands it to the shipper: a compact copy of the fields the
 * encoder collected, taken before the encoder reuses its list. Where each field goes in OTLP is
 * worked out later, on the shipper's thread ({@link IngestMapping}).
 *
 * <p>
 * The values are taken as they are: the encoder's fields hold only values no later change by the
 * application can reach (strings, boxed primitives and the encoder's own copies of maps and lists,
 * {@code FieldCollector#fixed}), so the logging thread copies references and weighs them, and
 * nothing else.
 */
final class IngestEvent {

	/** What a number or boolean counts towards the queue's bound, as characters. */
	static final int SCALAR_CHARS = 8;

	/** Nesting weighed; anything deeper counts as a scalar (the line bounds what it writes). */
	private static final int MAX_WEIGHED_DEPTH = 16;

	private final long epochNanos;

	private final Level level;

	private final String loggerName;

	private final String[] names;

	private final @Nullable Object[] values;

	private final Role[] roles;

	private final int size;

	private final long estimatedChars;

	private IngestEvent(long epochNanos, Level level, String loggerName, String[] names, @Nullable Object[] values,
			Role[] roles, int size, long estimatedChars) {
		this.epochNanos = epochNanos;
		this.level = level;
		this.loggerName = loggerName;
		this.names = names;
		this.values = values;
		this.roles = roles;
		this.size = size;
		this.estimatedChars = estimatedChars;
	}

	/**
	 * Copies an event's fields. The time, level and logger are taken from the event, so their
	 * fields are left out.
	 * @param event the event
	 * @param fields its final fields, as the line has them; reused by the encoder after this call
	 * @return the copy
	 */
	static IngestEvent of(ILoggingEvent event, EventFields fields) {
		int count = fields.size();
		String[] names = new String[count];
		@Nullable Object[] values = new Object[count];
		Role[] roles = new Role[count];
		int size = 0;
		long chars = 0;
		for (int i = 0; i < count; i++) {
			Role role = fields.role(i);
			if (role == Role.TIMESTAMP || role == Role.LEVEL || role == Role.LOGGER) {
				continue;
			}
			Object value = fields.value(i);
			names[size] = fields.name(i);
			values[size] = value;
			roles[size] = role;
			chars += names[size].length() + charsOf(value, 0);
			size++;
		}
		return new IngestEvent(epochNanos(event), event.getLevel(), event.getLoggerName(), names, values, roles, size,
				chars);
	}

	/**
	 * The characters of a value's text, its keys and elements included, a number or boolean
	 * counted as {@value #SCALAR_CHARS}.
	 */
	private static long charsOf(@Nullable Object value, int depth) {
		if (value instanceof String text) {
			return text.length();
		}
		// told by class before the interfaces below, whose failed checks scan the supertypes
		if (value == null || value instanceof Number || value instanceof Boolean) {
			return SCALAR_CHARS;
		}
		if (depth < MAX_WEIGHED_DEPTH && value instanceof Map<?, ?> map) {
			long chars = 0;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				chars += charsOf(entry.getKey(), depth + 1) + charsOf(entry.getValue(), depth + 1);
			}
			return chars;
		}
		if (depth < MAX_WEIGHED_DEPTH && value instanceof Collection<?> collection) {
			long chars = 0;
			for (Object element : collection) {
				chars += charsOf(element, depth + 1);
			}
			return chars;
		}
		return SCALAR_CHARS;
	}

	private static long epochNanos(ILoggingEvent event) {
		Instant instant = event.getInstant();
		return (instant != null) ? instant.getEpochSecond() * 1_000_000_000L + instant.getNano()
				: event.getTimeStamp() * 1_000_000L;
	}

	/**
	 * Returns when the event happened.
	 * @return nanoseconds since the epoch
	 */
	long epochNanos() {
		return this.epochNanos;
	}

	/**
	 * Returns the event's level.
	 * @return the level
	 */
	Level level() {
		return this.level;
	}

	/**
	 * Returns the event's logger.
	 * @return the logger name
	 */
	String loggerName() {
		return this.loggerName;
	}

	/**
	 * Returns how many fields were copied.
	 * @return the count
	 */
	int size() {
		return this.size;
	}

	/**
	 * Returns a field's output name.
	 * @param index the field's position
	 * @return the name
	 */
	String name(int index) {
		return this.names[index];
	}

	/**
	 * Returns a field's value: {@code null}, a string, a boxed primitive or another immutable
	 * scalar, or the encoder's copy of a map or list.
	 * @param index the field's position
	 * @return the value
	 */
	@Nullable Object value(int index) {
		return this.values[index];
	}

	/**
	 * Returns what a field is in the event.
	 * @param index the field's position
	 * @return the role
	 */
	Role role(int index) {
		return this.roles[index];
	}

	/**
	 * Returns the characters the event holds, names and text values (inside maps and lists too), a
	 * number or boolean counted as {@value #SCALAR_CHARS}: what the queue's bound is kept by.
	 * @return the estimate
	 */
	long estimatedChars() {
		return this.estimatedChars;
	}

}
