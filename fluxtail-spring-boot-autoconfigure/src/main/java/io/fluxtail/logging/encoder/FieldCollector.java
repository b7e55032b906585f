package io.fluxtail.logging.encoder;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.FieldSpec.Origin;
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.encoder.EventFields.Role;
import io.fluxtail.logging.redaction.RedactionListener;
import io.fluxtail.logging.redaction.SizeLimits;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.marker.LogstashMarker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a logging event into the contract's {@link EventFields}: core fields, contract context
 * with defaults, then the application's own fields (key/value pairs, structured arguments, MDC),
 * none of which may take a contract field's name.
 */
final class FieldCollector {

	private final FieldContract contract;

	private final ContractStats stats;

	private final RedactionListener nameCuts;

	private final StackTraceRenderer stackTraces;

	private final JsonMapper mapper;

	private final TimestampFormat timestamps = new TimestampFormat();

	private final FieldSpec[] eventFields;

	private final Role[] eventRoles;

	private final FieldSpec[] contextFields;

	private final String errorTypeName;

	private final String errorMessageName;

	private final String stackTraceName;

	FieldCollector(FieldContract contract, ContractStats stats, RedactionListener nameCuts,
			StackTraceRenderer stackTraces, JsonMapper mapper) {
		this.contract = contract;
		this.stats = stats;
		this.nameCuts = nameCuts;
		this.stackTraces = stackTraces;
		this.mapper = mapper;
		this.eventFields = contract.fields()
			.stream()
			.filter((field) -> field.origin() == Origin.EVENT && roleOf(field.name()) != Role.ERROR)
			.toArray(FieldSpec[]::new);
		this.eventRoles = Arrays.stream(this.eventFields).map((field) -> roleOf(field.name())).toArray(Role[]::new);
		this.contextFields = contract.fields()
			.stream()
			.filter((field) -> field.origin() != Origin.EVENT)
			.toArray(FieldSpec[]::new);
		this.errorTypeName = contract.outputName(CoreFields.ERROR_TYPE);
		this.errorMessageName = contract.outputName(CoreFields.ERROR_MESSAGE);
		this.stackTraceName = contract.outputName(CoreFields.STACK_TRACE);
	}

	/**
	 * Collects the fields of one event into an empty, reused list: the event's own fields in the
	 * schema's order, the contract's context with defaults, the application's fields, the
	 * exception.
	 * @param event the event
	 * @param fields an empty list
	 * @return {@code fields}
	 */
	EventFields collect(ILoggingEvent event, EventFields fields) {
		this.stats.event(event.getLevel().toString());
		collectCore(event, fields, true);
		Map<String, String> mdc = mdcOf(event);
		addContext(fields, mdc);
		addKeyValuePairs(fields, event.getKeyValuePairs());
		addStructuredArguments(fields, event.getArgumentArray());
		addMarkers(fields, event.getMarkerList());
		addMdc(fields, mdc);
		addError(fields, event);
		return fields;
	}

	/**
	 * Collects only the event's own fields, for the minimal line written when an event cannot be
	 * encoded; the message is then the unformatted pattern, when asked for at all.
	 * @param event the event
	 * @param fields an empty list
	 * @param withMessage whether to include the message
	 */
	void collectCore(ILoggingEvent event, EventFields fields, boolean withMessage) {
		for (int i = 0; i < this.eventFields.length; i++) {
			Role role = this.eventRoles[i];
			Object value = switch (role) {
				case TIMESTAMP -> this.timestamps.format(event.getTimeStamp());
				case LEVEL -> event.getLevel().toString();
				case LOGGER -> event.getLoggerName();
				case THREAD -> event.getThreadName();
				default -> (withMessage) ? messageOf(event) : null;
			};
			if (role != Role.MESSAGE || withMessage) {
				fields.add(role, this.eventFields[i].outputName(), value);
			}
		}
	}

	private static @Nullable String messageOf(ILoggingEvent event) {
		try {
			return event.getFormattedMessage();
		}
		catch (RuntimeException ex) {
			// a failing toString() of an argument: the pattern still says what happened
			return event.getMessage();
		}
	}

	private static Role roleOf(String name) {
		return switch (name) {
			case CoreFields.TIMESTAMP -> Role.TIMESTAMP;
			case CoreFields.LEVEL -> Role.LEVEL;
			case CoreFields.LOGGER -> Role.LOGGER;
			case CoreFields.THREAD -> Role.THREAD;
			case CoreFields.MESSAGE -> Role.MESSAGE;
			default -> Role.ERROR;
		};
	}

	private static Map<String, String> mdcOf(ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		return (mdc != null) ? mdc : Map.of();
	}

	private void addContext(EventFields fields, Map<String, String> mdc) {
		for (FieldSpec field : this.contextFields) {
			String value = (field.origin() == Origin.MDC) ? firstPresent(mdc, field.mdcKeys()) : field.value();
			if (value == null && field.required()) {
				this.stats.defaultApplied(field.outputName());
				value = field.defaultValue();
			}
			if (value != null) {
				fields.add(Role.CONTEXT, field.outputName(), value);
			}
		}
	}

	private static @Nullable String firstPresent(Map<String, String> mdc, List<String> keys) {
		for (String key : keys) {
			String value = mdc.get(key);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	private void addKeyValuePairs(EventFields fields, @Nullable List<KeyValuePair> pairs) {
		if (pairs != null) {
			for (KeyValuePair pair : pairs) {
				addBusiness(fields, "kv", pair.key, pair.value);
			}
		}
	}

	private void addStructuredArguments(EventFields fields, @Nullable Object[] arguments) {
		if (arguments != null) {
			for (Object argument : arguments) {
				// plain arguments first: class checks are cheaper than the interface check
				if (argument instanceof String || argument instanceof Number) {
					continue;
				}
				if (argument instanceof StructuredArgument structured) {
					addStructured(fields, structured);
				}
			}
		}
	}

	private void addMarkers(EventFields fields, @Nullable List<Marker> markers) {
		if (markers != null) {
			for (Marker marker : markers) {
				addMarker(fields, marker);
			}
		}
	}

	private void addMarker(EventFields fields, Marker marker) {
		if (marker instanceof LogstashMarker && marker instanceof StructuredArgument structured) {
			addStructured(fields, structured);
		}
		if (marker.hasReferences()) {
			marker.iterator().forEachRemaining((child) -> addMarker(fields, child));
		}
	}

	/**
	 * Structured arguments only know how to write themselves as JSON, so they are written once
	 * and read back to get their names and typed values (numbers stay numbers).
	 */
	@SuppressWarnings("unchecked")
	private void addStructured(EventFields fields, StructuredArgument argument) {
		Map<String, Object> written;
		try {
			StringWriter json = new StringWriter();
			try (JsonGenerator generator = this.mapper.createGenerator(json)) {
				generator.writeStartObject();
				argument.writeTo(generator);
				generator.writeEndObject();
			}
			written = this.mapper.readValue(json.toString(), LinkedHashMap.class);
		}
		catch (RuntimeException ex) {
			this.stats.conflictDropped();
			return;
		}
		written.forEach((name, value) -> addBusiness(fields, "arg", name, value));
	}

	private void addMdc(EventFields fields, Map<String, String> mdc) {
		for (Map.Entry<String, String> entry : mdc.entrySet()) {
			if (!this.contract.readsMdcKey(entry.getKey())) {
				addBusiness(fields, "mdc", entry.getKey(), entry.getValue());
			}
		}
	}

	/**
	 * Adds an application field unless its name is taken; a taken name is retried once with the
	 * source as prefix ({@code mdc.service}), then the field is dropped. Either case is counted. A
	 * name is bounded first, so a cut name that meets another is handled the same way.
	 */
	private void addBusiness(EventFields fields, String source, @Nullable String given, @Nullable Object value) {
		if (given == null || given.isEmpty()) {
			this.stats.conflictDropped();
			return;
		}
		String name = SizeLimits.boundName(given, this.nameCuts);
		Schema.EventField renamed = this.contract.eventField(name);
		if (renamed != null) {
			addBusiness(fields, source, renamed.name(), scaled(value, renamed.scale()));
			return;
		}
		if (isFree(fields, name)) {
			fields.add(Role.BUSINESS, name, value);
			return;
		}
		String fallback = source + "." + name;
		if (isFree(fields, fallback)) {
			fields.add(Role.BUSINESS, fallback, value);
			this.stats.conflictRenamed();
			return;
		}
		this.stats.conflictDropped();
	}

	private static @Nullable Object scaled(@Nullable Object value, long scale) {
		if (scale != 1 && (value instanceof Long || value instanceof Integer)) {
			return ((Number) value).longValue() * scale;
		}
		return value;
	}

	private boolean isFree(EventFields fields, String name) {
		return !this.contract.isReserved(name) && !fields.containsBusiness(name);
	}

	private void addError(EventFields fields, ILoggingEvent event) {
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			fields.add(Role.ERROR, this.errorTypeName, throwable.getClassName());
			if (throwable.getMessage() != null) {
				fields.add(Role.ERROR, this.errorMessageName, throwable.getMessage());
			}
			fields.add(Role.ERROR, this.stackTraceName, this.stackTraces.render(event));
		}
	}

	void stop() {
		this.stackTraces.stop();
	}

}
