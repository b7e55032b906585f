package io.fluxtail.logging.encoder;

import java.io.StringWriter;
import java.util.ArrayList;
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
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.contract.Source;
import io.fluxtail.logging.fingerprint.ErrorFingerprints;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.EventFields.Role;
import io.fluxtail.logging.line.Scalars;
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

	/** Marks a value {@link #copyOfPlainData} leaves to the mapper. */
	private static final Object NOT_PLAIN_DATA = new Object();

	private static final int MAX_COPY_DEPTH = 16;

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

	private final String errorFingerprintName;

	private final ErrorFingerprints fingerprints;

	private final String errorMessageName;

	private final String stackTraceName;

	FieldCollector(FieldContract contract, ContractStats stats, RedactionListener nameCuts,
			StackTraceRenderer stackTraces, ErrorFingerprints fingerprints, JsonMapper mapper) {
		this.contract = contract;
		this.stats = stats;
		this.nameCuts = nameCuts;
		this.stackTraces = stackTraces;
		this.fingerprints = fingerprints;
		this.mapper = mapper;
		this.eventFields = contract.fields()
			.stream()
			.filter((field) -> field.source() instanceof Source.Event && roleOf(field.name()) != Role.ERROR)
			.toArray(FieldSpec[]::new);
		this.eventRoles = Arrays.stream(this.eventFields).map((field) -> roleOf(field.name())).toArray(Role[]::new);
		this.contextFields = contract.fields()
			.stream()
			.filter((field) -> !(field.source() instanceof Source.Event))
			.toArray(FieldSpec[]::new);
		this.errorTypeName = contract.outputName(CoreFields.ERROR_TYPE);
		this.errorFingerprintName = contract.outputName(CoreFields.ERROR_FINGERPRINT);
		this.errorMessageName = contract.outputName(CoreFields.ERROR_MESSAGE);
		this.stackTraceName = contract.outputName(CoreFields.STACK_TRACE);
	}

	/**
	 * Collects the fields of one event into an empty, reused list: the event's own fields in the
	 * schema's order, the contract's context with defaults, the application's fields, the
	 * exception. The application's values are read as {@link #fixed fixed} values, or taken as
	 * {@link #capture captured} on the caller's thread.
	 * @param event the event
	 * @param fields an empty list
	 * @return {@code fields}
	 * @throws Throwable whatever serializing a key/value pair's value threw
	 */
	EventFields collect(ILoggingEvent event, EventFields fields) {
		this.stats.event(event.getLevel().toString());
		collectCore(event, fields, true);
		Map<String, String> mdc = mdcOf(event);
		addContext(fields, mdc);
		if (event instanceof CapturedEvent captured) {
			captured.fields().forEach((field) -> addBusiness(fields, field.source(), field.name(), field.value()));
		}
		else if (carriesApplicationFields(event, false)) {
			readApplicationFields(event, (source, name, value) -> addBusiness(fields, source, name, value));
		}
		addMdc(fields, mdc);
		addError(fields, event);
		return fields;
	}

	/**
	 * Collects what the minimal line of an event that could not be encoded carries: the event's
	 * own fields and the contract's context, which are plain strings and cannot fail the same way.
	 * @param event the event
	 * @param fields an empty list
	 * @param withMessage whether to include the message
	 */
	void collectMinimal(ILoggingEvent event, EventFields fields, boolean withMessage) {
		collectCore(event, fields, withMessage);
		addContext(fields, mdcOf(event));
	}

	/**
	 * Fixes the application's fields of an event as they are now, for an event encoded later on
	 * another thread: the caller pays for reading them, and what the line says is what the caller
	 * logged, whatever happens to the values afterwards.
	 * @param event the event
	 * @return the event itself when its application fields cannot change (none, or key/value pairs
	 * of immutable scalars), otherwise one that carries the fixed fields, or the failure of a
	 * key/value pair's value
	 */
	ILoggingEvent capture(ILoggingEvent event) {
		if (!carriesApplicationFields(event, true)) {
			return event;
		}
		List<CapturedEvent.Field> captured = new ArrayList<>();
		try {
			readApplicationFields(event,
					(source, name, value) -> captured.add(new CapturedEvent.Field(source, name, value)));
			return new CapturedEvent(event, captured, null);
		}
		catch (Throwable ex) {
			// whatever it is (even a StackOverflowError), it concerns this event only: its line says so
			return new CapturedEvent(event, List.of(), ex);
		}
	}

	/**
	 * Whether the event carries values of the application's that need reading: key/value pairs,
	 * structured arguments or markers. Plain message arguments are already in the formatted
	 * message.
	 * @param event the event
	 * @param mutableOnly whether key/value pairs count only when their value may change
	 */
	private static boolean carriesApplicationFields(ILoggingEvent event, boolean mutableOnly) {
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs != null) {
			for (KeyValuePair pair : pairs) {
				if (!mutableOnly || (pair.value != null && !Scalars.isImmutable(pair.value))) {
					return true;
				}
			}
		}
		List<Marker> markers = event.getMarkerList();
		if (markers != null && !markers.isEmpty()) {
			return true;
		}
		Object[] arguments = event.getArgumentArray();
		if (arguments != null) {
			for (Object argument : arguments) {
				if (isStructured(argument)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Reads key/value pairs, structured arguments and markers, in that order, each value
	 * {@link #fixed fixed}. A structured argument or marker that cannot be serialized is left out
	 * and counted; a key/value pair's value that cannot be serialized throws.
	 */
	private void readApplicationFields(ILoggingEvent event, ApplicationField consumer) {
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (pairs != null) {
			for (KeyValuePair pair : pairs) {
				Object value;
				try {
					value = fixed(pair.value);
				}
				catch (Throwable ex) {
					this.stats.serializationFailed();
					throw ex;
				}
				consumer.accept("kv", pair.key, value);
			}
		}
		Object[] arguments = event.getArgumentArray();
		if (arguments != null) {
			for (Object argument : arguments) {
				if (isStructured(argument)) {
					readStructured((StructuredArgument) argument, consumer);
				}
			}
		}
		List<Marker> markers = event.getMarkerList();
		if (markers != null) {
			for (Marker marker : markers) {
				readMarker(marker, consumer);
			}
		}
	}

	/**
	 * Returns a value as it is now, as data no later change by the application can reach: immutable
	 * scalars as they are, anything else (maps, lists, arrays, beans, records, ...) converted by
	 * the encoder's mapper into new maps, lists and scalars. Both output modes write this, so an
	 * asynchronous line is the synchronous one.
	 * @param value a value the application logged
	 * @return the fixed value
	 */
	@Nullable Object fixed(@Nullable Object value) {
		if (value == null || Scalars.isImmutable(value)) {
			return value;
		}
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		Object copy = copyOfPlainData(value, 0);
		return (copy != NOT_PLAIN_DATA) ? copy : this.mapper.convertValue(value, Object.class);
	}

	/**
	 * Copies maps with string keys and lists whose leaves are strings, whole numbers, doubles or
	 * booleans: the very values the mapper's conversion gives for them, at a fraction of its cost
	 * (measured in {@code AsyncOutputBenchmark}). Anything else, or nesting deeper than
	 * {@link #MAX_COPY_DEPTH} (a map that contains itself), is left to the mapper.
	 * @return the copy, or {@link #NOT_PLAIN_DATA}
	 */
	private static @Nullable Object copyOfPlainData(@Nullable Object value, int depth) {
		if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
				|| value instanceof Boolean || value instanceof Double) {
			return value;
		}
		if (depth == MAX_COPY_DEPTH) {
			return NOT_PLAIN_DATA;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				Object element = copyOfPlainData(entry.getValue(), depth + 1);
				if (!(entry.getKey() instanceof String key) || element == NOT_PLAIN_DATA) {
					return NOT_PLAIN_DATA;
				}
				copy.put(key, element);
			}
			return copy;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			for (Object item : list) {
				Object element = copyOfPlainData(item, depth + 1);
				if (element == NOT_PLAIN_DATA) {
					return NOT_PLAIN_DATA;
				}
				copy.add(element);
			}
			return copy;
		}
		return NOT_PLAIN_DATA;
	}

	/**
	 * Collects only the event's own fields; the message is then the unformatted pattern, when
	 * asked for at all.
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
		catch (Throwable ex) {
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
			String value = (field.source() instanceof Source.Mdc keys) ? firstPresent(mdc, keys.keys()) : field.value();
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

	/**
	 * Plain arguments are told by their class first: a failed {@code instanceof} of an interface
	 * scans the class's supertypes.
	 */
	private static boolean isStructured(@Nullable Object argument) {
		return !(argument instanceof String || argument instanceof Number) && argument instanceof StructuredArgument;
	}

	private void readMarker(Marker marker, ApplicationField consumer) {
		if (marker instanceof LogstashMarker && marker instanceof StructuredArgument structured) {
			readStructured(structured, consumer);
		}
		if (marker.hasReferences()) {
			marker.iterator().forEachRemaining((child) -> readMarker(child, consumer));
		}
	}

	/**
	 * Structured arguments only know how to write themselves as JSON, so they are written once
	 * and read back to get their names and typed values (numbers stay numbers), which are then
	 * plain data. One that fails to write, whatever it throws, is left out and counted.
	 */
	@SuppressWarnings("unchecked")
	private void readStructured(StructuredArgument argument, ApplicationField consumer) {
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
		catch (Throwable ex) {
			this.stats.serializationFailed();
			return;
		}
		written.forEach((name, value) -> consumer.accept("arg", name, value));
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
			fields.add(Role.ERROR, this.errorFingerprintName, this.fingerprints.of(throwable));
			if (throwable.getMessage() != null) {
				fields.add(Role.ERROR, this.errorMessageName, throwable.getMessage());
			}
			fields.add(Role.ERROR, this.stackTraceName, this.stackTraces.render(event));
		}
	}

	void stop() {
		this.stackTraces.stop();
	}

	/**
	 * Receives one application field as read from an event.
	 */
	@FunctionalInterface
	private interface ApplicationField {

		void accept(String source, @Nullable String name, @Nullable Object value);

	}

}
