package io.fluxtail.logging.contract;

/**
 * Where a field goes in an OpenTelemetry (OTLP) log record, under semantic-convention names where
 * one exists.
 */
public sealed interface OtlpPlace {

	/** An attribute under the name the line gives the field: no semantic convention names it. */
	OtlpPlace LINE_NAME = new LineName();

	/**
	 * Whether the place is fixed whatever kind the field is given: a part of the log record of its
	 * own, or an exception attribute.
	 * @return whether the field's kind cannot be changed
	 */
	default boolean fixed() {
		return false;
	}

	/**
	 * A resource attribute when the field is a label, a log record attribute when it is metadata.
	 *
	 * @param key the semantic-convention name, such as {@code service.name}
	 */
	record Attribute(String key) implements OtlpPlace {
	}

	/**
	 * A log record attribute of the logged exception, whatever the kind.
	 *
	 * @param key the semantic-convention name, such as {@code exception.type}
	 */
	record ExceptionAttribute(String key) implements OtlpPlace {

		@Override
		public boolean fixed() {
			return true;
		}

	}

	/**
	 * An attribute, as {@link Attribute}, under the field's name on the line.
	 */
	record LineName() implements OtlpPlace {
	}

	/**
	 * A part of the log record of its own.
	 */
	enum RecordPart implements OtlpPlace {

		/** The record's time and observed time. */
		TIMESTAMP,

		/** The severity number and text. */
		SEVERITY,

		/** The body. */
		BODY,

		/** The instrumentation scope's name. */
		SCOPE,

		/** The trace id, left empty unless a valid W3C id. */
		TRACE_ID,

		/** The span id, left empty unless a valid W3C id. */
		SPAN_ID;

		@Override
		public boolean fixed() {
			return true;
		}

	}

}
