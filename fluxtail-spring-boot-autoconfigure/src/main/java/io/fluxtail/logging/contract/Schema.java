package io.fluxtail.logging.contract;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The names a line is written with. Every contract field has a default name in {@link CoreFields};
 * a schema maps it to the name its readers expect, fixes the order of the event's own fields, and
 * may add a constant field naming the schema's version. The one place these names are spelled out.
 */
public enum Schema {

	/** Fluxtail's own names ({@code timestamp}, {@code level}, {@code request_id}, ...). */
	FLUXTAIL(List.of(CoreFields.TIMESTAMP, CoreFields.LEVEL, CoreFields.LOGGER, CoreFields.THREAD, CoreFields.MESSAGE),
			Map.of(), Map.of(), null, null),

	/**
	 * Elastic Common Schema, as flat dotted keys in the order the ecs-logging specification
	 * recommends ({@code @timestamp}, {@code log.level}, {@code message} first), so that Kibana and
	 * Elastic Agent read the lines without an ingest pipeline. Fields ECS has no name for keep
	 * Fluxtail's ({@code worker} as {@code labels.worker}, {@code outcome}), the route template takes
	 * OpenTelemetry's {@code http.route}, and {@code duration_ms} becomes {@code event.duration} in
	 * nanoseconds.
	 */
	ECS(List.of(CoreFields.TIMESTAMP, CoreFields.LEVEL, CoreFields.MESSAGE, CoreFields.LOGGER, CoreFields.THREAD),
			Map.ofEntries(Map.entry(CoreFields.TIMESTAMP, "@timestamp"), Map.entry(CoreFields.LEVEL, "log.level"),
					Map.entry(CoreFields.LOGGER, "log.logger"), Map.entry(CoreFields.THREAD, "process.thread.name"),
					Map.entry(CoreFields.SERVICE, "service.name"), Map.entry(CoreFields.ENV, "service.environment"),
					Map.entry(CoreFields.REQUEST_ID, "http.request.id"), Map.entry(CoreFields.TRACE_ID, "trace.id"),
					Map.entry(CoreFields.SPAN_ID, "span.id"), Map.entry(CoreFields.REGION, "cloud.region"),
					Map.entry(CoreFields.VERSION, "service.version"),
					Map.entry(CoreFields.INSTANCE, "service.node.name"), Map.entry(CoreFields.WORKER, "labels.worker"),
					Map.entry(CoreFields.ERROR_TYPE, "error.type"), Map.entry(CoreFields.ERROR_MESSAGE, "error.message"),
					Map.entry(CoreFields.STACK_TRACE, "error.stack_trace")),
			Map.of(CoreFields.HTTP_METHOD, new EventField("http.request.method", 1),
					CoreFields.HTTP_ROUTE, new EventField("http.route", 1),
					CoreFields.HTTP_STATUS, new EventField("http.response.status_code", 1),
					CoreFields.DURATION_MS, new EventField("event.duration", 1_000_000)),
			"ecs.version", "8.11");

	private final List<String> eventFieldOrder;

	private final Map<String, String> names;

	private final Map<String, EventField> eventFields;

	private final @Nullable String versionField;

	private final @Nullable String version;

	Schema(List<String> eventFieldOrder, Map<String, String> names, Map<String, EventField> eventFields,
			@Nullable String versionField, @Nullable String version) {
		this.eventFieldOrder = eventFieldOrder;
		this.names = names;
		this.eventFields = eventFields;
		this.versionField = versionField;
		this.version = version;
	}

	/**
	 * Returns the schema's name for a contract field.
	 * @param name the default name, one of {@link CoreFields}
	 * @return the name under this schema
	 */
	public String fieldName(String name) {
		return this.names.getOrDefault(name, name);
	}

	/**
	 * Returns the order of the fields read from the event itself (time, level, logger, thread,
	 * message).
	 * @return default names in output order
	 */
	List<String> eventFieldOrder() {
		return this.eventFieldOrder;
	}

	/**
	 * Returns how fields Fluxtail adds to some events (the request completion event's
	 * {@code http_method}, {@code duration_ms}, ...) are written under this schema.
	 * @return the renamed fields by their default name
	 */
	Map<String, EventField> eventFields() {
		return this.eventFields;
	}

	/**
	 * Returns the name of the constant field that states the schema's version.
	 * @return the name, or {@code null} when the schema has none
	 */
	@Nullable String versionField() {
		return this.versionField;
	}

	/**
	 * Returns the version written in {@link #versionField()}.
	 * @return the version, or {@code null} when the schema has none
	 */
	@Nullable String version() {
		return this.version;
	}

	/**
	 * How a field that Fluxtail adds to some events is written under a schema.
	 *
	 * @param name the name under the schema
	 * @param scale the factor a whole-number value is multiplied by (milliseconds to nanoseconds)
	 */
	public record EventField(String name, long scale) {
	}

}
