package io.fluxtail.logging.contract;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The names a line is written with: a schema gives each field of the {@link FieldDefinition
 * catalogue} the name its readers expect, fixes the order of the event's own fields, and may add a
 * constant field naming the schema's version.
 */
public enum Schema {

	/** Fluxtail's own names ({@code timestamp}, {@code level}, {@code request_id}, ...). */
	FLUXTAIL(List.of(FieldDefinition.TIMESTAMP, FieldDefinition.LEVEL, FieldDefinition.LOGGER, FieldDefinition.THREAD,
			FieldDefinition.MESSAGE), (field) -> new EventField(field.fieldName(), 1), null, null),

	/**
	 * Elastic Common Schema, as flat dotted keys in the order the ecs-logging specification
	 * recommends ({@code @timestamp}, {@code log.level}, {@code message} first), so that Kibana and
	 * Elastic Agent read the lines without an ingest pipeline. Each field takes its
	 * {@link FieldDefinition#ecs() ECS name}.
	 */
	ECS(List.of(FieldDefinition.TIMESTAMP, FieldDefinition.LEVEL, FieldDefinition.MESSAGE, FieldDefinition.LOGGER,
			FieldDefinition.THREAD), FieldDefinition::ecs, "ecs.version", "8.11");

	private final List<FieldDefinition> eventFieldOrder;

	private final Map<String, String> names;

	private final Map<String, EventField> eventFields;

	private final @Nullable String versionField;

	private final @Nullable String version;

	Schema(List<FieldDefinition> eventFieldOrder, Function<FieldDefinition, EventField> naming,
			@Nullable String versionField, @Nullable String version) {
		this.eventFieldOrder = eventFieldOrder;
		this.versionField = versionField;
		this.version = version;
		// hash maps, not Map.copyOf: looked up for every application field of every line
		Map<String, String> names = new HashMap<>();
		Map<String, EventField> eventFields = new HashMap<>();
		for (FieldDefinition field : FieldDefinition.values()) {
			EventField named = naming.apply(field);
			names.put(field.fieldName(), named.name());
			if (isRenamed(field, named) && !isContractField(field)) {
				eventFields.put(field.fieldName(), named);
			}
		}
		this.names = Collections.unmodifiableMap(names);
		this.eventFields = Collections.unmodifiableMap(eventFields);
	}

	private static boolean isRenamed(FieldDefinition field, EventField named) {
		return !named.name().equals(field.fieldName()) || named.scale() != 1;
	}

	/**
	 * Fields the contract does not read arrive as the application's fields do (key/value pairs
	 * of the completion event and of a buffered line, MDC entries of a consumed record), and are renamed
	 * as they are added.
	 */
	private static boolean isContractField(FieldDefinition field) {
		return !(field.source() instanceof Source.CompletionEvent || field.source() instanceof Source.ConsumedRecord
				|| field.source() instanceof Source.BufferedLine);
	}

	/**
	 * Returns the schema's name for a field.
	 * @param name the field's name in Fluxtail's schema
	 * @return the name under this schema, the given name for a field outside the catalogue
	 */
	public String fieldName(String name) {
		return this.names.getOrDefault(name, name);
	}

	/**
	 * Returns the order of the fields read from the event itself (time, level, logger, thread,
	 * message).
	 * @return the fields in output order
	 */
	List<FieldDefinition> eventFieldOrder() {
		return this.eventFieldOrder;
	}

	/**
	 * Returns how fields Fluxtail adds to some events (the request completion event's
	 * {@code http_method}, {@code duration_ms}, ...) are written under this schema, when they are
	 * renamed at all.
	 * @return the renamed fields by their name in Fluxtail's schema
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
	 * A field under a schema.
	 *
	 * @param name the name under the schema
	 * @param scale the factor a whole-number value is multiplied by (milliseconds to nanoseconds)
	 */
	public record EventField(String name, long scale) {
	}

}
