package io.fluxtail.logging.contract;

/**
 * Default names of the contract's fields, and the MDC keys they are read from. The only place
 * these names are spelled out.
 */
public final class CoreFields {

	/** Event time, ISO-8601 UTC with milliseconds. */
	public static final String TIMESTAMP = "timestamp";

	/** Event level, such as INFO. */
	public static final String LEVEL = "level";

	/** Logger name. */
	public static final String LOGGER = "logger";

	/** Name of the thread that logged the event. */
	public static final String THREAD = "thread";

	/** Formatted log message. */
	public static final String MESSAGE = "message";

	/** Service name. */
	public static final String SERVICE = "service";

	/** Deployment environment. */
	public static final String ENV = "env";

	/** Id of the request being served, also its MDC key. */
	public static final String REQUEST_ID = "request_id";

	/** Trace id of the current span, also the MDC key Fluxtail itself uses for it. */
	public static final String TRACE_ID = "trace_id";

	/** Id of the current span, also the MDC key Fluxtail itself uses for it. */
	public static final String SPAN_ID = "span_id";

	/**
	 * Name of the unit of work that is not an HTTP request: a scheduled job ({@code bean.method})
	 * or a Kafka listener id. Also its MDC key.
	 */
	public static final String JOB = "job";

	/** Topic of the Kafka record being consumed. */
	public static final String KAFKA_TOPIC = "kafka_topic";

	/** Partition of the Kafka record being consumed. */
	public static final String KAFKA_PARTITION = "kafka_partition";

	/** Offset of the Kafka record being consumed. */
	public static final String KAFKA_OFFSET = "kafka_offset";

	/** Region or zone. */
	public static final String REGION = "region";

	/** Version of the deployed service. */
	public static final String VERSION = "version";

	/** Replica identifier. */
	public static final String INSTANCE = "instance";

	/** Worker or process role. */
	public static final String WORKER = "worker";

	/** Class name of a logged exception. */
	public static final String ERROR_TYPE = "error_type";

	/** Message of a logged exception. */
	public static final String ERROR_MESSAGE = "error_message";

	/** Bounded stack trace of a logged exception. */
	public static final String STACK_TRACE = "stack_trace";

	/** HTTP method of a completed request, on the completion event. */
	public static final String HTTP_METHOD = "http_method";

	/** Matched route template of a completed request, such as {@code /orders/{id}}. */
	public static final String HTTP_ROUTE = "http_route";

	/** Response status of a completed request. */
	public static final String HTTP_STATUS = "http_status";

	/** Time a request took, in milliseconds. */
	public static final String DURATION_MS = "duration_ms";

	/** Status class of a completed request: SUCCESS, CLIENT_ERROR, SERVER_ERROR, ... */
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
