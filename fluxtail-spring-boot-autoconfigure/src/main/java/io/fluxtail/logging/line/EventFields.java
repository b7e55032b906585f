package io.fluxtail.logging.line;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The ordered fields of one event, after the contract has applied names and defaults. Writers
 * render this list and nothing else: they never read the MDC or apply defaults themselves.
 */
public final class EventFields {

	private static final int INITIAL_CAPACITY = 24;

	private String[] names = new String[INITIAL_CAPACITY];

	private @Nullable Object[] values = new Object[INITIAL_CAPACITY];

	private Role[] roles = new Role[INITIAL_CAPACITY];

	private int size;

	/**
	 * Appends a field.
	 * @param role what the field is in the event
	 * @param name the output name
	 * @param value the value: a String, Number, Boolean, Map, List or other object
	 */
	public void add(Role role, String name, @Nullable Object value) {
		if (this.size == this.names.length) {
			int capacity = this.size * 2;
			this.names = Arrays.copyOf(this.names, capacity);
			this.values = Arrays.copyOf(this.values, capacity);
			this.roles = Arrays.copyOf(this.roles, capacity);
		}
		this.names[this.size] = name;
		this.values[this.size] = value;
		this.roles[this.size] = role;
		this.size++;
	}

	/**
	 * Empties the list for reuse, dropping its references to the last event's values.
	 */
	public void clear() {
		Arrays.fill(this.values, 0, this.size, null);
		this.size = 0;
	}

	/**
	 * Returns how many fields the list can hold before it grows.
	 * @return the capacity
	 */
	public int capacity() {
		return this.names.length;
	}

	public int size() {
		return this.size;
	}

	public String name(int index) {
		return this.names[index];
	}

	public @Nullable Object value(int index) {
		return this.values[index];
	}

	public Role role(int index) {
		return this.roles[index];
	}

	/**
	 * Replaces a field's value, as redaction and size limits do.
	 * @param index the field's position
	 * @param value the new value
	 */
	public void setValue(int index, @Nullable Object value) {
		this.values[index] = value;
	}

	/**
	 * Whether an application field of this output name was already added. Only the fields at the
	 * end of the list with {@link Role#BUSINESS} are compared: every other field's name is the
	 * contract's, which callers check against the contract first.
	 * @param name an output name
	 * @return whether an application field has that name
	 */
	public boolean containsBusiness(String name) {
		for (int i = this.size - 1; i >= 0 && this.roles[i] == Role.BUSINESS; i--) {
			if (this.names[i].equals(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What a field is in the event; logfmt and text place fields by role, JSON keeps list order.
	 */
	public enum Role {

		/** Event time. */
		TIMESTAMP,

		/** Event level. */
		LEVEL,

		/** Logger name. */
		LOGGER,

		/** Thread name. */
		THREAD,

		/** The formatted message. */
		MESSAGE,

		/** A contract field read from configuration or the MDC. */
		CONTEXT,

		/** A field the application added: MDC entry, key/value pair or structured argument. */
		BUSINESS,

		/** Exception type, message or stack trace. */
		ERROR

	}

}
