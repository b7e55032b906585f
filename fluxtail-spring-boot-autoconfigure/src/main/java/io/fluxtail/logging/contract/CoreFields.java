package io.fluxtail.logging.contract;

/**
 * Names of the catalogue's fields in Fluxtail's schema, which are also the MDC keys and key/value
 * names the code that fills them uses. Each is spelled here once; what the field is, where it comes
 * from and how it is written is its {@link FieldDefinition} row.
 */
public final class CoreFields {

	/** {@link FieldDefinition#TIMESTAMP}. */
	public static final String TIMESTAMP = "timestamp";

	/** {@link FieldDefinition#LEVEL}. */
	public static final String LEVEL = "level";

	/** {@link FieldDefinition#LOGGER}. */
	public static final String LOGGER = "logger";

	/** {@link FieldDefinition#THREAD}. */
	public static final String THREAD = "thread";

	/** {@link FieldDefinition#MESSAGE}. */
	public static final String MESSAGE = "message";

	/** {@link FieldDefinition#SERVICE}. */
	public static final String SERVICE = "service";

	/** {@link FieldDefinition#ENV}. */
	public static final String ENV = "env";

	/** {@link FieldDefinition#REQUEST_ID}. */
	public static final String REQUEST_ID = "request_id";

	/** {@link FieldDefinition#TRACE_ID}. */
	public static final String TRACE_ID = "trace_id";

	/** {@link FieldDefinition#SPAN_ID}. */
	public static final String SPAN_ID = "span_id";

	/** {@link FieldDefinition#JOB}. */
	public static final String JOB = "job";

	/** {@link FieldDefinition#KAFKA_TOPIC}. */
	public static final String KAFKA_TOPIC = "kafka_topic";

	/** {@link FieldDefinition#KAFKA_PARTITION}. */
	public static final String KAFKA_PARTITION = "kafka_partition";

	/** {@link FieldDefinition#KAFKA_OFFSET}. */
	public static final String KAFKA_OFFSET = "kafka_offset";

	/** {@link FieldDefinition#BUFFERED}. */
	public static final String BUFFERED = "buffered";

	/** {@link FieldDefinition#BUFFERED_LEFT_OUT}. */
	public static final String BUFFERED_LEFT_OUT = "buffered_left_out";

	/** {@link FieldDefinition#REGION}. */
	public static final String REGION = "region";

	/** {@link FieldDefinition#VERSION}. */
	public static final String VERSION = "version";

	/** {@link FieldDefinition#INSTANCE}. */
	public static final String INSTANCE = "instance";

	/** {@link FieldDefinition#WORKER}. */
	public static final String WORKER = "worker";

	/** {@link FieldDefinition#ERROR_TYPE}. */
	public static final String ERROR_TYPE = "error_type";

	/** {@link FieldDefinition#ERROR_FINGERPRINT}. */
	public static final String ERROR_FINGERPRINT = "error_fingerprint";

	/** {@link FieldDefinition#ERROR_MESSAGE}. */
	public static final String ERROR_MESSAGE = "error_message";

	/** {@link FieldDefinition#STACK_TRACE}. */
	public static final String STACK_TRACE = "stack_trace";

	/** {@link FieldDefinition#HTTP_METHOD}. */
	public static final String HTTP_METHOD = "http_method";

	/** {@link FieldDefinition#HTTP_ROUTE}. */
	public static final String HTTP_ROUTE = "http_route";

	/** {@link FieldDefinition#HTTP_STATUS}. */
	public static final String HTTP_STATUS = "http_status";

	/** {@link FieldDefinition#DURATION_MS}. */
	public static final String DURATION_MS = "duration_ms";

	/** {@link FieldDefinition#OUTCOME}. */
	public static final String OUTCOME = "outcome";

	/** MDC key under which Micrometer Tracing (Brave and OpenTelemetry) puts the trace id. */
	public static final String TRACER_TRACE_ID = "traceId";

	/** MDC key under which Micrometer Tracing (Brave and OpenTelemetry) puts the span id. */
	public static final String TRACER_SPAN_ID = "spanId";

	/** Value written for a required field that has no value. */
	public static final String MISSING = "-";

	private CoreFields() {
	}

}
