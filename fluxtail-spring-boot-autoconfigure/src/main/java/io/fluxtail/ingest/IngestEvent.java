package io.fluxtail.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.EventFields.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as the logging thread hands it to the shipper: a compact copy of the fields the
 * encoder collected, taken before the encoder reuses its list. Where each field goes in OTLP is
 * worked out later, on the shipper's thread ({@link IngestMapping}).
 *
 * <p>
 * Values are copied as they are when they cannot change: strings, boxed primitives, and
 * {@link BigInteger} and {@link BigDecimal} themselves. Any other value (a map, a list, a
 * {@code StringBuilder}, an application object) is written as text here, on the logging thread,
 * so that what ships is the value at the logging call even when the application changes it after:
 * maps, lists and objects as the JSON the line shows, other numbers and character sequences as
 * their {@code toString()}. An event whose value cannot be written (its {@code toString()} throws)
 * is handed over {@link #failure() failed}, to be counted by the shipper as such.
 */
final class IngestEvent {

	/** What a number or boolean counts towards the queue's bound, as characters. */
	static final int SCALAR_CHARS = 8;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String[] NO_NAMES = {};

	private static final @Nullable Object[] NO_VALUES = {};

	private static final Role[] NO_ROLES = {};

	private final long epochNanos;

	private final Level level;

	private final String loggerName;

	private final String[] names;

	private final @Nullable Object[] values;

	private final Role[] roles;

	private final int size;

	private final long estimatedChars;

	private final @Nullable String failure;

	private IngestEvent(long epochNanos, Level level, String loggerName, String[] names, @Nullable Object[] values,
			Role[] roles, int size, long estimatedChars, @Nullable String failure) {
		this.epochNanos = epochNanos;
		this.level = level;
		this.loggerName = loggerName;
		this.names = names;
		this.values = values;
		this.roles = roles;
		this.size = size;
		this.estimatedChars = estimatedChars;
		this.failure = failure;
	}

	/**
	 * Copies an event's fields. The time, level and logger are taken from the event, so their
	 * fields are left out. Never throws, short of the JVM failing.
	 * @param event the event
	 * @param fields its final fields, as the line has them; reused by the encoder after this call
	 * @return the copy, or a {@link #failure() failed} event when a value could not be written
	 */
	static IngestEvent of(ILoggingEvent event, EventFields fields) {
		int count = fields.size();
		String[] names = new String[count];
		@Nullable Object[] values = new Object[count];
		Role[] roles = new Role[count];
		int size = 0;
		long chars = 0;
		try {
			for (int i = 0; i < count; i++) {
				Role role = fields.role(i);
				if (role == Role.TIMESTAMP || role == Role.LEVEL || role == Role.LOGGER) {
					continue;
				}
				Object value = unchanging(fields.value(i));
				names[size] = fields.name(i);
				values[size] = value;
				roles[size] = role;
				chars += names[size].length() + ((value instanceof String text) ? text.length() : SCALAR_CHARS);
				size++;
			}
		}
		catch (Throwable ex) {
			// a StackOverflowError is the application's value recursing, not the JVM failing
			if (ex instanceof VirtualMachineError error && !(ex instanceof StackOverflowError)) {
				throw error;
			}
			return new IngestEvent(0, event.getLevel(), event.getLoggerName(), NO_NAMES, NO_VALUES, NO_ROLES, 0, 0,
					ex.getClass().getName());
		}
		return new IngestEvent(epochNanos(event), event.getLevel(), event.getLoggerName(), names, values, roles, size,
				chars, null);
	}

	private static long epochNanos(ILoggingEvent event) {
		Instant instant = event.getInstant();
		return (instant != null) ? instant.getEpochSecond() * 1_000_000_000L + instant.getNano()
				: event.getTimeStamp() * 1_000_000L;
	}

	/**
	 * Returns the value itself when it cannot change, else its text as it is now.
	 */
	private static @Nullable Object unchanging(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof Integer || value instanceof Double || value instanceof Float
				|| value instanceof Short || value instanceof Byte) {
			return value;
		}
		// their subclasses may be mutable, or fail in toString()
		if (value.getClass() == BigInteger.class || value.getClass() == BigDecimal.class) {
			return value;
		}
		if (value instanceof CharSequence || value instanceof Number) {
			return value.toString();
		}
		try {
			return json.writeValueAsString(value);
		}
		catch (RuntimeException ex) {
			return String.valueOf(value);
		}
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
	 * Returns a field's value: {@code null}, a string, a boxed primitive, a {@link BigInteger} or a
	 * {@link BigDecimal}.
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
	 * Returns the characters the event holds, names and text values, a number or boolean counted
	 * as {@value #SCALAR_CHARS}: what the queue's bound is kept by.
	 * @return the estimate
	 */
	long estimatedChars() {
		return this.estimatedChars;
	}

	/**
	 * Returns why the event could not be copied, in which case it has no fields and is only
	 * counted.
	 * @return the type of what was thrown, {@code null} when the event was copied
	 */
	@Nullable String failure() {
		return this.failure;
	}

}
