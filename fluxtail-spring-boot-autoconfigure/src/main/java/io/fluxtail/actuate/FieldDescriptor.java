package io.fluxtail.actuate;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fluxtail.logging.contract.FieldKind;
import io.fluxtail.logging.contract.FieldSpec;
import org.jspecify.annotations.Nullable;

/**
 * One field of the contract as the endpoint shows it.
 *
 * @param name the name written on the line
 * @param source where the value comes from, such as {@code property:fluxtail.service} or
 * {@code mdc:request_id}
 * @param required whether the field is written even without a value
 * @param defaultValue the value written when a required field has none
 * @param kind {@code label} for low-cardinality fast filters, {@code metadata} for
 * high-cardinality context
 * @param value the current value of a static field, masked when it looks like a credential
 * @param presence which lines carry the field: {@value #EVERY_LINE}, {@value #WHEN_CONFIGURED}
 * (an optional field whose property is unset, so no line), {@value #IN_TRACE} (lines written
 * within a trace), {@value #WHEN_IN_MDC} (only when the application puts it in the MDC itself),
 * {@value #WITH_EXCEPTION} (lines that log an exception), {@value #COMPLETION_EVENT} (the
 * completion lines), {@value #IN_JOB} (lines of a job run or a consumed record) or
 * {@value #IN_RECORD} (lines of a consumed record)
 */
public record FieldDescriptor(String name, String source, boolean required,
		@JsonProperty("default") @Nullable String defaultValue, String kind, @Nullable String value,
		String presence) {

	/** Written on every line. */
	public static final String EVERY_LINE = "every-line";

	/** Optional and unset: written on no line until configured. */
	public static final String WHEN_CONFIGURED = "when-configured";

	/** Written on lines logged within a trace. */
	public static final String IN_TRACE = "in-trace";

	/** Written only when the application itself puts the field's MDC key. */
	public static final String WHEN_IN_MDC = "when-in-mdc";

	/** Written on lines that log an exception. */
	public static final String WITH_EXCEPTION = "with-exception";

	/** Written on completion events only. */
	public static final String COMPLETION_EVENT = "completion-event";

	/** Written on the lines of a scheduled job run or of a consumed record. */
	public static final String IN_JOB = "in-job";

	/** Written on the lines of a consumed Kafka record. */
	public static final String IN_RECORD = "in-record";

	/**
	 * Describes a field of the contract.
	 * @param field the field
	 * @param shownValue its value as the endpoint may show it, {@code null} when it has none
	 * @param presence which lines carry it
	 * @return its description
	 */
	public static FieldDescriptor of(FieldSpec field, @Nullable String shownValue, String presence) {
		return new FieldDescriptor(field.outputName(), field.source(), field.required(), field.defaultValue(),
				kindName(field.kind()), shownValue, presence);
	}

	/**
	 * Describes a field of completion events.
	 * @param name the field's name
	 * @return its description
	 */
	public static FieldDescriptor ofCompletionEvent(String name) {
		return new FieldDescriptor(name, "completion-event", false, null, kindName(FieldKind.METADATA), null,
				COMPLETION_EVENT);
	}

	/**
	 * Describes a field of a consumed record's lines.
	 * @param name the field's name
	 * @return its description
	 */
	public static FieldDescriptor ofRecord(String name) {
		return new FieldDescriptor(name, "kafka-record", false, null, kindName(FieldKind.METADATA), null, IN_RECORD);
	}

	private static String kindName(FieldKind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

}
