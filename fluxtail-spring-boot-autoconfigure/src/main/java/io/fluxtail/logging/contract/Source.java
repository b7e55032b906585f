package io.fluxtail.logging.contract;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a field's value comes from. {@link #describe()} is how the endpoint and the startup
 * messages name it, such as {@code property:fluxtail.service} or {@code mdc:trace_id|traceId}.
 */
public sealed interface Source {

	/** The logging event itself. */
	Source EVENT = new Event();

	/** The completion event of an HTTP request only. */
	Source REQUEST_COMPLETION = new CompletionEvent(true);

	/** The completion event of every unit of work: HTTP request, job run, consumed record. */
	Source COMPLETION = new CompletionEvent(false);

	/** The Kafka record being consumed. */
	Source CONSUMED_RECORD = new ConsumedRecord();

	/** Lines kept for a unit of work and written when it failed. */
	Source BUFFERED = new BufferedLine();

	/**
	 * Returns how the source is shown.
	 * @return the description
	 */
	String describe();

	/**
	 * Whether the value is fixed at startup, the same on every line.
	 * @return whether the value is static
	 */
	default boolean isStatic() {
		return false;
	}

	/**
	 * The logging event: time, level, logger, thread, message, exception.
	 */
	record Event() implements Source {

		@Override
		public String describe() {
			return "event";
		}

	}

	/**
	 * A value read from the configuration: a property or an environment variable.
	 */
	sealed interface Configured extends Source {

		/**
		 * Returns the key the value is read under.
		 * @return the property name or environment variable
		 */
		String name();

		@Override
		default boolean isStatic() {
			return true;
		}

	}

	/**
	 * A configuration property.
	 *
	 * @param name the property, such as {@code fluxtail.service}
	 * @param fallback what gives the value when the property is unset, {@code null} for nothing
	 */
	record Property(String name, @Nullable Configured fallback) implements Configured {

		/**
		 * A property without a fallback.
		 * @param name the property
		 */
		public Property(String name) {
			this(name, null);
		}

		@Override
		public String describe() {
			return "property:" + this.name;
		}

	}

	/**
	 * An environment variable, such as {@code HOSTNAME}.
	 *
	 * @param name the variable
	 */
	record EnvironmentVariable(String name) implements Configured {

		@Override
		public String describe() {
			return "env:" + this.name;
		}

	}

	/**
	 * The MDC of the thread that logged, filled by the unit of work (HTTP request, job run,
	 * consumed record) or the tracer.
	 *
	 * @param keys the keys read, first present wins
	 */
	record Mdc(List<String> keys) implements Source {

		public Mdc {
			keys = List.copyOf(keys);
		}

		@Override
		public String describe() {
			return "mdc:" + String.join("|", this.keys);
		}

	}

	/**
	 * The schema, naming its own version.
	 *
	 * @param schema the schema
	 */
	record SchemaVersion(Schema schema) implements Source {

		@Override
		public String describe() {
			return "schema:" + this.schema.name().toLowerCase(Locale.ROOT);
		}

		@Override
		public boolean isStatic() {
			return true;
		}

	}

	/**
	 * The one line written when a unit of work completes.
	 *
	 * @param requestsOnly whether only an HTTP request's completion line carries the field
	 */
	record CompletionEvent(boolean requestsOnly) implements Source {

		@Override
		public String describe() {
			return "completion-event";
		}

	}

	/**
	 * The Kafka record being consumed, put in the MDC by its listener's unit of work.
	 */
	record ConsumedRecord() implements Source {

		@Override
		public String describe() {
			return "kafka-record";
		}

	}

	/**
	 * A line debug-on-error kept for a unit of work and wrote when the unit failed.
	 */
	record BufferedLine() implements Source {

		@Override
		public String describe() {
			return "debug-on-error";
		}

	}

}
