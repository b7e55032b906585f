package io.fluxtail.ingest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.FieldKind;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.OtlpPlace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each field of a line goes in OTLP, compiled once: fields of kind {@link FieldKind#LABEL}
 * become resource attributes, fields of kind {@link FieldKind#METADATA} log record attributes,
 * under the {@link FieldDefinition#otlp() place} the catalogue gives each field. The level, time,
 * message, logger, trace ids and exception have their own places in a log record and keep them.
 * Applied on the shipper's thread, to the copies the logging thread handed over.
 */
final class IngestMapping {

	/** Resource attribute naming the stream the events are routed to. */
	public static final String STREAM_ATTRIBUTE = "fluxtail.stream";

	private static final int MAX_REMEMBERED_KEYS = 4096;

	/** Fields with a place of their own in a log record: their kind cannot be changed. */
	public static final Set<String> FIXED_FIELDS = Arrays.stream(FieldDefinition.values())
		.filter((field) -> field.otlp().fixed())
		.map(FieldDefinition::fieldName)
		.collect(Collectors.toUnmodifiableSet());

	private final Map<String, Target> contractTargets = new HashMap<>();

	private final Map<String, Target> businessTargets = new HashMap<>();

	private final Map<String, InstrumentationScopeInfo> scopes = new ConcurrentHashMap<>();

	private final Map<String, Keys> keys = new ConcurrentHashMap<>();

	private final Resource resource;

	private final List<String> highCardinalityLabels = new ArrayList<>();

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Compiles the mapping.
	 * @param contract the field contract of the running encoders
	 * @param kinds kinds that replace a field's own, by default or output name; names outside the
	 * contract are application fields
	 * @param stream the stream name
	 * @throws IllegalArgumentException when the kind of a field with a place of its own is changed
	 */
	public IngestMapping(FieldContract contract, Map<String, FieldKind> kinds, String stream) {
		AttributesBuilder resource = Attributes.builder();
		Map<String, FieldKind> businessKinds = new HashMap<>(kinds);
		for (FieldSpec field : contract.fields()) {
			FieldKind override = kinds.getOrDefault(field.name(), kinds.get(field.outputName()));
			businessKinds.remove(field.name());
			businessKinds.remove(field.outputName());
			OtlpPlace place = (field.definition() != null) ? field.definition().otlp() : OtlpPlace.LINE_NAME;
			if (place.fixed()) {
				if (override != null) {
					throw new IllegalArgumentException(fixedFieldMessage(field.name()));
				}
				Target target = fixedTarget(place);
				if (target != null) {
					this.contractTargets.put(field.outputName(), target);
				}
				continue;
			}
			FieldKind kind = (override != null) ? override : field.kind();
			String key = (place instanceof OtlpPlace.Attribute attribute) ? attribute.key() : field.outputName();
			if (kind == FieldKind.LABEL && field.source().isStatic()) {
				String value = (field.value() != null) ? field.value() : field.defaultValue();
				if (value != null) {
					resource.put(key, value);
				}
				this.contractTargets.put(field.outputName(), Target.SKIP);
				continue;
			}
			if (kind == FieldKind.LABEL && field.kind() == FieldKind.METADATA) {
				this.highCardinalityLabels.add(field.name());
			}
			this.contractTargets.put(field.outputName(), new Target(kind, key));
		}
		businessKinds.forEach((name, kind) -> this.businessTargets.put(name, new Target(kind, name)));
		resource.put(STREAM_ATTRIBUTE, stream);
		this.resource = Resource.create(resource.build());
	}

	/**
	 * The event's time, level, message and logger are placed by their role on the line; the trace
	 * ids and the exception's fields by their name.
	 */
	private static @Nullable Target fixedTarget(OtlpPlace place) {
		if (place == OtlpPlace.RecordPart.TRACE_ID) {
			return Target.TRACE_ID;
		}
		if (place == OtlpPlace.RecordPart.SPAN_ID) {
			return Target.SPAN_ID;
		}
		return (place instanceof OtlpPlace.ExceptionAttribute attribute)
				? new Target(FieldKind.METADATA, attribute.key()) : null;
	}

	/**
	 * Explains why the kind of a field with a place of its own cannot be changed.
	 * @param field the field's name
	 * @return the explanation
	 */
	public static String fixedFieldMessage(String field) {
		return "'" + field + "' has a place of its own in an OTLP log record; its kind cannot be changed";
	}

	/**
	 * Returns the resource every shipped event carries when no per-event field is a label.
	 * @return the resource
	 */
	public Resource resource() {
		return this.resource;
	}

	/**
	 * Returns the fields meant as metadata that are made labels: each value makes a new resource,
	 * which log backends index as a new stream.
	 * @return default names of such fields
	 */
	public List<String> highCardinalityLabels() {
		return List.copyOf(this.highCardinalityLabels);
	}

	/**
	 * Maps one event to a log record, on the shipper's thread.
	 * @param event the event as the logging thread copied it
	 * @return the record
	 */
	ShippedLog toRecord(IngestEvent event) {
		RecordAttributes attributes = new RecordAttributes(event.size());
		AttributesBuilder labels = null;
		String message = "";
		String traceId = null;
		String spanId = null;
		for (int i = 0; i < event.size(); i++) {
			Object value = event.value(i);
			switch (event.role(i)) {
				case MESSAGE -> message = String.valueOf(value);
				case BUSINESS -> {
					Target target = this.businessTargets.get(event.name(i));
					if (target == null || target.kind() == FieldKind.METADATA) {
						put(attributes, event.name(i), value);
					}
					else {
						labels = (labels != null) ? labels : this.resource.getAttributes().toBuilder();
						put(labels, target.key(), value);
					}
				}
				default -> {
					Target target = this.contractTargets.getOrDefault(event.name(i), Target.SKIP);
					if (target == Target.TRACE_ID) {
						traceId = String.valueOf(value);
					}
					else if (target == Target.SPAN_ID) {
						spanId = String.valueOf(value);
					}
					else if (target.kind() == FieldKind.METADATA) {
						put(attributes, target.key(), value);
					}
					else if (target != Target.SKIP) {
						labels = (labels != null) ? labels : this.resource.getAttributes().toBuilder();
						put(labels, target.key(), value);
					}
				}
			}
		}
		Level level = event.level();
		return new ShippedLog((labels != null) ? Resource.create(labels.build()) : this.resource,
				scopeOf(event.loggerName()), event.epochNanos(), severityOf(level), level.toString(), message,
				attributes, spanContext(traceId, spanId));
	}

	static Severity severityOf(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> Severity.ERROR;
			case Level.WARN_INT -> Severity.WARN;
			case Level.INFO_INT -> Severity.INFO;
			case Level.DEBUG_INT -> Severity.DEBUG;
			case Level.TRACE_INT -> Severity.TRACE;
			default -> Severity.UNDEFINED_SEVERITY_NUMBER;
		};
	}

	/**
	 * Ids that are not valid W3C ids (a default such as '-') leave the record without them rather
	 * than with made-up ones. A trace id without a span id (an inbound {@code traceparent} and no
	 * tracer) ships alone, as OTLP allows: the API's own factory would drop both, so the context is
	 * made without its id check, the trace id checked here.
	 */
	private static SpanContext spanContext(@Nullable String traceId, @Nullable String spanId) {
		if (traceId == null || !TraceId.isValid(traceId)) {
			return SpanContext.getInvalid();
		}
		return OpenTelemetryInternals.spanContext(traceId, spanId);
	}

	private InstrumentationScopeInfo scopeOf(String loggerName) {
		InstrumentationScopeInfo scope = this.scopes.get(loggerName);
		return (scope != null) ? scope : this.scopes.computeIfAbsent(loggerName, InstrumentationScopeInfo::create);
	}

	/**
	 * Numbers and booleans keep their type; maps and lists go as the JSON the line shows, anything
	 * else as its text. Strings, most values, are told first by their class: a failed
	 * {@code instanceof} of an interface scans the class's supertypes.
	 */
	private @Nullable Object typed(Object value) {
		if (value instanceof String || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger big && big.bitLength() < 64) {
			return ((Number) value).longValue();
		}
		if (value instanceof Double || value instanceof Float) {
			return ((Number) value).doubleValue();
		}
		if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
			return this.mapper.writeValueAsString(value);
		}
		return value.toString();
	}

	private void put(RecordAttributes attributes, String name, @Nullable Object value) {
		Object typed = (value != null) ? typed(value) : null;
		if (typed != null) {
			attributes.put(keyOf(name, typed), typed);
		}
	}

	private void put(AttributesBuilder labels, String name, @Nullable Object value) {
		Object typed = (value != null) ? typed(value) : null;
		if (typed != null) {
			labels.put(keyOf(name, typed), typed);
		}
	}

	/** The key of a name for a value made by {@link #typed}. */
	@SuppressWarnings("unchecked")
	private AttributeKey<Object> keyOf(String name, Object typed) {
		Keys keys = keysOf(name);
		AttributeKey<?> key = (typed instanceof String) ? keys.text() : (typed instanceof Long) ? keys.number()
				: (typed instanceof Double) ? keys.decimal() : keys.flag();
		return (AttributeKey<Object>) key;
	}

	/**
	 * The attribute keys of a name, made once: every event carries the same names, and making a
	 * key per value cost about a third of mapping an event. Names past the first few thousand
	 * (an application writing unbounded field names) get keys made on the spot.
	 */
	private Keys keysOf(String name) {
		Keys keys = this.keys.get(name);
		if (keys == null) {
			keys = new Keys(name);
			if (this.keys.size() < MAX_REMEMBERED_KEYS) {
				this.keys.putIfAbsent(name, keys);
			}
		}
		return keys;
	}

	/** One name's attribute key for each value type. */
	private record Keys(AttributeKey<String> text, AttributeKey<Long> number, AttributeKey<Double> decimal,
			AttributeKey<Boolean> flag) {

		Keys(String name) {
			this(AttributeKey.stringKey(name), AttributeKey.longKey(name), AttributeKey.doubleKey(name),
					AttributeKey.booleanKey(name));
		}

	}

	private record Target(FieldKind kind, String key) {

		static final Target SKIP = new Target(FieldKind.LABEL, "");

		static final Target TRACE_ID = new Target(FieldKind.METADATA, CoreFields.TRACE_ID);

		static final Target SPAN_ID = new Target(FieldKind.METADATA, CoreFields.SPAN_ID);

	}

}
