package io.fluxtail.logging.contract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.OtlpPlace.RecordPart;
import org.jspecify.annotations.Nullable;

import static io.fluxtail.logging.contract.FieldKind.LABEL;
import static io.fluxtail.logging.contract.FieldKind.METADATA;
import static io.fluxtail.logging.contract.Presence.BUFFERED_LINE;
import static io.fluxtail.logging.contract.Presence.COMPLETION_EVENT;
import static io.fluxtail.logging.contract.Presence.EVERY_LINE;
import static io.fluxtail.logging.contract.Presence.IN_JOB;
import static io.fluxtail.logging.contract.Presence.IN_RECORD;
import static io.fluxtail.logging.contract.Presence.IN_TRACE;
import static io.fluxtail.logging.contract.Presence.WHEN_CONFIGURED;
import static io.fluxtail.logging.contract.Presence.WITH_EXCEPTION;

/**
 * The field catalogue: every field Fluxtail writes, defined once. The contract, both schemas, the
 * OTLP mapping, the settings and the endpoint read these rows; adding a field means adding a row
 * here and, when a property sets it, that property.
 *
 * <p>
 * The contract's fields come in catalogue order (the event's own fields in the schema's order): the
 * event's fields, then those set by a property or read from the MDC, then the exception's. The
 * completion event's fields and the consumed record's are written on those lines only.
 */
public enum FieldDefinition {

	// name, source, kind, ECS name, OTLP place, presence, description

	TIMESTAMP(CoreFields.TIMESTAMP, Source.EVENT, METADATA, ecs("@timestamp"), RecordPart.TIMESTAMP, EVERY_LINE,
			"Event time, ISO-8601 UTC with milliseconds."),

	LEVEL(CoreFields.LEVEL, Source.EVENT, LABEL, ecs("log.level"), RecordPart.SEVERITY, EVERY_LINE,
			"Event level, such as INFO."),

	LOGGER(CoreFields.LOGGER, Source.EVENT, LABEL, ecs("log.logger"), RecordPart.SCOPE, EVERY_LINE, "Logger name."),

	THREAD(CoreFields.THREAD, Source.EVENT, METADATA, ecs("process.thread.name"), attribute("thread.name"),
			EVERY_LINE, "Name of the thread that logged the event."),

	MESSAGE(CoreFields.MESSAGE, Source.EVENT, METADATA, ecs("message"), RecordPart.BODY, EVERY_LINE,
			"Formatted log message."),

	SERVICE(CoreFields.SERVICE, property("fluxtail.service", property("spring.application.name")), LABEL,
			ecs("service.name"), attribute("service.name"), EVERY_LINE, "Name of the service."),

	ENV(CoreFields.ENV, property("fluxtail.environment"), LABEL, ecs("service.environment"),
			attribute("deployment.environment.name"), EVERY_LINE, "Deployment environment, such as prod."),

	REQUEST_ID(CoreFields.REQUEST_ID, mdc(CoreFields.REQUEST_ID), METADATA, ecs("http.request.id"),
			OtlpPlace.LINE_NAME, EVERY_LINE, "Id of the unit of work: an HTTP request's header or a generated id, "
					+ "a job run's id, a Kafka record's header."),

	TRACE_ID(CoreFields.TRACE_ID, mdc(CoreFields.TRACE_ID, CoreFields.TRACER_TRACE_ID), METADATA, ecs("trace.id"),
			RecordPart.TRACE_ID, IN_TRACE, "Trace id of the current span."),

	SPAN_ID(CoreFields.SPAN_ID, mdc(CoreFields.SPAN_ID, CoreFields.TRACER_SPAN_ID), METADATA, ecs("span.id"),
			RecordPart.SPAN_ID, IN_TRACE, "Id of the current span."),

	JOB(CoreFields.JOB, mdc(CoreFields.JOB), METADATA, ecs("job"), OtlpPlace.LINE_NAME, IN_JOB,
			"Unit of work that is not an HTTP request: a scheduled job (bean.method) or a Kafka listener id."),

	REGION(CoreFields.REGION, property("fluxtail.region"), LABEL, ecs("cloud.region"), attribute("cloud.region"),
			WHEN_CONFIGURED, "Region or zone."),

	VERSION(CoreFields.VERSION, property("fluxtail.version"), LABEL, ecs("service.version"),
			attribute("service.version"), WHEN_CONFIGURED, "Version of the deployed service."),

	INSTANCE(CoreFields.INSTANCE, property("fluxtail.instance", new Source.EnvironmentVariable("HOSTNAME")), LABEL,
			ecs("service.node.name"), attribute("service.instance.id"), WHEN_CONFIGURED,
			"Replica identifier, the pod name on Kubernetes."),

	WORKER(CoreFields.WORKER, property("fluxtail.worker"), LABEL, ecs("labels.worker"), OtlpPlace.LINE_NAME,
			WHEN_CONFIGURED, "Worker or process role."),

	ERROR_TYPE(CoreFields.ERROR_TYPE, Source.EVENT, LABEL, ecs("error.type"), exception("exception.type"),
			WITH_EXCEPTION, "Class name of a logged exception."),

	// ECS's error.id: "unique identifier for the error"; no OpenTelemetry semantic convention names one
	ERROR_FINGERPRINT(CoreFields.ERROR_FINGERPRINT, Source.EVENT, METADATA, ecs("error.id"),
			exception("exception.fingerprint"), WITH_EXCEPTION,
			"16 hex digits naming the defect: the exception types and frames of the cause chain, without line "
					+ "numbers, messages or generated names, so the same across threads, requests and builds."),

	ERROR_MESSAGE(CoreFields.ERROR_MESSAGE, Source.EVENT, METADATA, ecs("error.message"),
			exception("exception.message"), WITH_EXCEPTION, "Message of a logged exception."),

	STACK_TRACE(CoreFields.STACK_TRACE, Source.EVENT, METADATA, ecs("error.stack_trace"),
			exception("exception.stacktrace"), WITH_EXCEPTION, "Bounded stack trace of a logged exception."),

	HTTP_METHOD(CoreFields.HTTP_METHOD, Source.REQUEST_COMPLETION, METADATA, ecs("http.request.method"),
			OtlpPlace.LINE_NAME, COMPLETION_EVENT, "HTTP method of a completed request."),

	// ECS has no field for the route template: OpenTelemetry's name
	HTTP_ROUTE(CoreFields.HTTP_ROUTE, Source.REQUEST_COMPLETION, METADATA, ecs("http.route"), OtlpPlace.LINE_NAME,
			COMPLETION_EVENT, "Matched route template of a completed request, such as /orders/{id}."),

	HTTP_STATUS(CoreFields.HTTP_STATUS, Source.REQUEST_COMPLETION, METADATA, ecs("http.response.status_code"),
			OtlpPlace.LINE_NAME, COMPLETION_EVENT, "Response status of a completed request."),

	DURATION_MS(CoreFields.DURATION_MS, Source.COMPLETION, METADATA, new Schema.EventField("event.duration", 1_000_000),
			OtlpPlace.LINE_NAME, COMPLETION_EVENT, "Time the unit of work took, in milliseconds (ECS: nanoseconds)."),

	// kept under ECS: event.outcome allows only success, failure and unknown
	OUTCOME(CoreFields.OUTCOME, Source.COMPLETION, METADATA, ecs("outcome"), OtlpPlace.LINE_NAME, COMPLETION_EVENT,
			"How the unit of work ended: SUCCESS, CLIENT_ERROR, ERROR or CANCELLED."),

	KAFKA_TOPIC(CoreFields.KAFKA_TOPIC, Source.CONSUMED_RECORD, METADATA, ecs("kafka_topic"), OtlpPlace.LINE_NAME,
			IN_RECORD, "Topic of the Kafka record being consumed (a batch's topics, comma-separated)."),

	KAFKA_PARTITION(CoreFields.KAFKA_PARTITION, Source.CONSUMED_RECORD, METADATA, ecs("kafka_partition"),
			OtlpPlace.LINE_NAME, IN_RECORD, "Partition of the Kafka record being consumed."),

	KAFKA_OFFSET(CoreFields.KAFKA_OFFSET, Source.CONSUMED_RECORD, METADATA, ecs("kafka_offset"),
			OtlpPlace.LINE_NAME, IN_RECORD, "Offset of the Kafka record being consumed."),

	BUFFERED(CoreFields.BUFFERED, Source.BUFFERED, METADATA, ecs("buffered"), OtlpPlace.LINE_NAME, BUFFERED_LINE,
			"true on a line kept by debug-on-error and written when its unit of work failed, after the line's "
					+ "own time."),

	BUFFERED_LEFT_OUT(CoreFields.BUFFERED_LEFT_OUT, Source.BUFFERED, METADATA, ecs("buffered_left_out"),
			OtlpPlace.LINE_NAME, BUFFERED_LINE,
			"How many of a failed unit's kept lines were left out by the limits, on the line that says so.");

	private static final Map<String, FieldDefinition> BY_NAME = new HashMap<>();

	static {
		for (FieldDefinition field : values()) {
			BY_NAME.put(field.fieldName, field);
		}
	}

	private final String fieldName;

	private final Source source;

	private final FieldKind kind;

	private final Schema.EventField ecs;

	private final OtlpPlace otlp;

	private final Presence presence;

	private final String description;

	FieldDefinition(String fieldName, Source source, FieldKind kind, Schema.EventField ecs, OtlpPlace otlp,
			Presence presence, String description) {
		this.fieldName = fieldName;
		this.source = source;
		this.kind = kind;
		this.ecs = ecs;
		this.otlp = otlp;
		this.presence = presence;
		this.description = description;
	}

	/**
	 * Returns the field with the given name.
	 * @param name the field's name in Fluxtail's schema
	 * @return the field, or {@code null} when the catalogue has none of that name
	 */
	public static @Nullable FieldDefinition forName(String name) {
		return BY_NAME.get(name);
	}

	/**
	 * Returns the fields of an HTTP request's completion line.
	 * @return the fields, in catalogue order
	 */
	public static List<FieldDefinition> completionFields() {
		return withSource(Source.CompletionEvent.class);
	}

	/**
	 * Returns the fields of the completion line of a job run or a consumed record.
	 * @return the fields, in catalogue order
	 */
	public static List<FieldDefinition> workCompletionFields() {
		return completionFields().stream().filter((field) -> field.source == Source.COMPLETION).toList();
	}

	/**
	 * Returns the fields of the lines of a consumed Kafka record.
	 * @return the fields, in catalogue order
	 */
	public static List<FieldDefinition> recordFields() {
		return withSource(Source.ConsumedRecord.class);
	}

	/**
	 * Returns the fields read from the MDC the unit of work fills.
	 * @return the fields, in catalogue order
	 */
	public static List<FieldDefinition> mdcFields() {
		return withSource(Source.Mdc.class);
	}

	private static List<FieldDefinition> withSource(Class<? extends Source> type) {
		return Arrays.stream(values()).filter((field) -> type.isInstance(field.source)).toList();
	}

	/**
	 * Returns the field's name in Fluxtail's schema, its default output name.
	 * @return the name, such as {@code request_id}
	 */
	public String fieldName() {
		return this.fieldName;
	}

	/**
	 * Returns where the value comes from.
	 * @return the source
	 */
	public Source source() {
		return this.source;
	}

	/**
	 * Returns the property that sets the field.
	 * @return the property, or {@code null} when no property sets it
	 */
	public @Nullable String property() {
		return (this.source instanceof Source.Property property) ? property.name() : null;
	}

	/**
	 * Whether the field is written on every line even without a value.
	 * @return whether the field is required
	 */
	public boolean required() {
		return this.presence == EVERY_LINE;
	}

	/**
	 * Returns the value written when a required field has none; the event's own fields always
	 * have one.
	 * @return the default, or {@code null} when there is none
	 */
	public @Nullable String defaultValue() {
		return (required() && !(this.source instanceof Source.Event)) ? CoreFields.MISSING : null;
	}

	/**
	 * Returns how the field is meant to be queried, and so where it is shipped.
	 * @return the kind
	 */
	public FieldKind kind() {
		return this.kind;
	}

	/**
	 * Returns the field under the Elastic Common Schema.
	 * @return the ECS name and the factor a whole-number value is multiplied by
	 */
	public Schema.EventField ecs() {
		return this.ecs;
	}

	/**
	 * Returns where the field goes in an OTLP log record.
	 * @return the place
	 */
	public OtlpPlace otlp() {
		return this.otlp;
	}

	/**
	 * Returns which lines carry the field when the application has every capability running.
	 * @return the presence
	 */
	public Presence presence() {
		return this.presence;
	}

	/**
	 * Returns what the field holds.
	 * @return one sentence
	 */
	public String description() {
		return this.description;
	}

	private static Source.Property property(String name) {
		return new Source.Property(name);
	}

	private static Source.Property property(String name, Source.Configured fallback) {
		return new Source.Property(name, fallback);
	}

	private static Source.Mdc mdc(String... keys) {
		return new Source.Mdc(List.of(keys));
	}

	private static Schema.EventField ecs(String name) {
		return new Schema.EventField(name, 1);
	}

	private static OtlpPlace attribute(String key) {
		return new OtlpPlace.Attribute(key);
	}

	private static OtlpPlace exception(String key) {
		return new OtlpPlace.ExceptionAttribute(key);
	}

}
