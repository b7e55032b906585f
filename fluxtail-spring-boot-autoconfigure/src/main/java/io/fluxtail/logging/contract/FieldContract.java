package io.fluxtail.logging.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The fields every line carries, in output order, with where each comes from. Built once at
 * startup; the encoder, the endpoint and the startup check all read this same object.
 */
public final class FieldContract {

	private final Schema schema;

	private final List<FieldSpec> fields;

	private final Map<String, FieldSpec> byName;

	private final Set<String> reservedNames;

	private final Set<String> mdcKeys;

	private FieldContract(Schema schema, List<FieldSpec> fields) {
		this.schema = schema;
		this.fields = List.copyOf(fields);
		Map<String, FieldSpec> byName = new LinkedHashMap<>();
		Set<String> reserved = new HashSet<>();
		Set<String> mdcKeys = new HashSet<>();
		for (FieldSpec field : fields) {
			byName.put(field.name(), field);
			reserved.add(field.name());
			reserved.add(field.outputName());
			if (field.source() instanceof Source.Mdc mdc) {
				mdcKeys.addAll(mdc.keys());
			}
		}
		this.byName = Collections.unmodifiableMap(byName);
		// hash sets, not Set.copyOf: these are asked on every line, and an immutable set's lookup
		// divides to find the slot (it showed in profiles of the request's completion line)
		this.reservedNames = Collections.unmodifiableSet(reserved);
		this.mdcKeys = Collections.unmodifiableSet(mdcKeys);
	}

	/**
	 * Returns a builder of the default contract.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the schema whose names the contract writes.
	 * @return the schema
	 */
	public Schema schema() {
		return this.schema;
	}

	/**
	 * Returns how a field that Fluxtail adds to some events (such as the request completion
	 * event's {@code duration_ms}) is written under the schema.
	 * @param name the field's default name
	 * @return the field under the schema, or {@code null} when the schema keeps it as is
	 */
	public Schema.@Nullable EventField eventField(String name) {
		return this.schema.eventFields().get(name);
	}

	/**
	 * Returns the contract's fields in output order, business fields excluded.
	 * @return the fields
	 */
	public List<FieldSpec> fields() {
		return this.fields;
	}

	/**
	 * Returns the field with the given default name.
	 * @param name the field's name in Fluxtail's schema, or a static field's name
	 * @return the field or {@code null}
	 */
	public @Nullable FieldSpec field(String name) {
		return this.byName.get(name);
	}

	/**
	 * Returns the name written on the line for a contract field.
	 * @param name the field's name in Fluxtail's schema
	 * @return the output name
	 */
	public String outputName(String name) {
		FieldSpec field = this.byName.get(name);
		return (field != null) ? field.outputName() : name;
	}

	/**
	 * Whether a business field of this name would collide with a contract field, under its default
	 * or its output name.
	 * @param name a candidate field name
	 * @return whether the name is reserved
	 */
	public boolean isReserved(String name) {
		return this.reservedNames.contains(name);
	}

	/**
	 * Whether an MDC entry feeds a contract field, and so is not written again as a business field.
	 * @param key an MDC key
	 * @return whether the contract reads that key
	 */
	public boolean readsMdcKey(String key) {
		return this.mdcKeys.contains(key);
	}

	/**
	 * Builds the contract from configuration values. Unset optional fields are left out;
	 * unset required fields fall back to {@link CoreFields#MISSING}.
	 */
	public static final class Builder {

		private final Map<String, ConfiguredValue> configuredValues = new LinkedHashMap<>();

		private final Map<String, String> extraFields = new LinkedHashMap<>();

		private final Map<String, String> outputNames = new LinkedHashMap<>();

		private Schema schema = Schema.FLUXTAIL;

		private Builder() {
		}

		/**
		 * Sets the schema whose names the fields are written with; a field renamed with
		 * {@link #outputName(String, String)} keeps its new name.
		 * @param schema the schema
		 * @return this builder
		 */
		public Builder schema(Schema schema) {
			this.schema = schema;
			return this;
		}

		/**
		 * Sets the value of a field set by a property, as that property gives it.
		 * @param name the field's name, one whose {@link FieldDefinition#property() property} sets it
		 * @param value the value or {@code null} when unset
		 * @return this builder
		 * @throws IllegalArgumentException when no property sets the field
		 */
		public Builder value(String name, @Nullable String value) {
			FieldDefinition field = FieldDefinition.forName(name);
			if (field == null || field.property() == null) {
				throw new IllegalArgumentException("'" + name + "' is not a field set by a property");
			}
			return value(name, value, field.source());
		}

		/**
		 * Sets the value of a field set by a property, and what gave it: the property, or its
		 * fallback.
		 * @param name the field's name, one whose {@link FieldDefinition#property() property} sets it
		 * @param value the value or {@code null} when unset
		 * @param source where the value came from
		 * @return this builder
		 */
		public Builder value(String name, @Nullable String value, Source source) {
			this.configuredValues.put(name, new ConfiguredValue(value, source));
			return this;
		}

		/**
		 * Adds a static field written on every line after the contract fields.
		 * @param name the output name
		 * @param value the value
		 * @return this builder
		 */
		public Builder extraField(String name, String value) {
			this.extraFields.put(name, value);
			return this;
		}

		/**
		 * Renames a contract field on output.
		 * @param name the default name
		 * @param outputName the name to write
		 * @return this builder
		 */
		public Builder outputName(String name, String outputName) {
			this.outputNames.put(name, outputName);
			return this;
		}

		/**
		 * Builds the contract: the event's own fields in the schema's order, the schema's version,
		 * the fields set by a property or read from the MDC in catalogue order, the static fields,
		 * the exception's fields.
		 * @return the contract
		 * @throws IllegalArgumentException when a renamed field does not exist or two fields would
		 * share an output name
		 */
		public FieldContract build() {
			List<FieldSpec> fields = new ArrayList<>();
			for (FieldDefinition field : this.schema.eventFieldOrder()) {
				fields.add(FieldSpec.of(field, outputNameOf(field.fieldName()), field.source(), null));
			}
			String versionField = this.schema.versionField();
			if (versionField != null) {
				fields.add(new FieldSpec(versionField, versionField, new Source.SchemaVersion(this.schema), false, null,
						FieldKind.LABEL, this.schema.version(), null));
			}
			for (FieldDefinition field : FieldDefinition.values()) {
				if (field.source() instanceof Source.Property || field.source() instanceof Source.Mdc) {
					ConfiguredValue configured = this.configuredValues.getOrDefault(field.fieldName(),
							new ConfiguredValue(null, field.source()));
					fields.add(FieldSpec.of(field, outputNameOf(field.fieldName()), configured.source(),
							configured.value()));
				}
			}
			this.extraFields.forEach((name, value) -> fields.add(new FieldSpec(name, name,
					new Source.Property("fluxtail.static-fields." + name), false, null, FieldKind.LABEL, value, null)));
			for (FieldDefinition field : FieldDefinition.values()) {
				if (field.presence() == Presence.WITH_EXCEPTION) {
					fields.add(FieldSpec.of(field, outputNameOf(field.fieldName()), field.source(), null));
				}
			}
			checkOutputNames(fields);
			return new FieldContract(this.schema, fields);
		}

		private void checkOutputNames(List<FieldSpec> fields) {
			Set<String> names = new HashSet<>();
			for (String renamed : this.outputNames.keySet()) {
				if (fields.stream().noneMatch((field) -> field.name().equals(renamed))) {
					throw new IllegalArgumentException("'" + renamed + "' is not a field of the contract");
				}
			}
			for (FieldSpec field : fields) {
				if (!names.add(field.outputName())) {
					throw new IllegalArgumentException(
							"Two fields would be written as '" + field.outputName() + "'");
				}
			}
		}

		private String outputNameOf(String name) {
			return this.outputNames.getOrDefault(name, this.schema.fieldName(name));
		}

		private record ConfiguredValue(@Nullable String value, Source source) {
		}

	}

}
