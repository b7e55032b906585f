package io.fluxtail.logging.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.fluxtail.logging.contract.FieldSpec.Origin;
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
			mdcKeys.addAll(field.mdcKeys());
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
	 * @param name the default name, one of {@link CoreFields}
	 * @return the field or {@code null}
	 */
	public @Nullable FieldSpec field(String name) {
		return this.byName.get(name);
	}

	/**
	 * Returns the name written on the line for a contract field.
	 * @param name the default name, one of {@link CoreFields}
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

		private final Map<String, StaticValue> staticValues = new LinkedHashMap<>();

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
		 * Sets the value of a property-backed contract field.
		 * @param name one of {@link CoreFields#SERVICE}, {@link CoreFields#ENV},
		 * {@link CoreFields#REGION}, {@link CoreFields#VERSION}, {@link CoreFields#INSTANCE},
		 * {@link CoreFields#WORKER}
		 * @param value the value or {@code null} when unset
		 * @param source where the value came from, such as {@code property:fluxtail.service}
		 * @return this builder
		 */
		public Builder value(String name, @Nullable String value, String source) {
			this.staticValues.put(name, new StaticValue(value, source));
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
		 * Builds the contract.
		 * @return the contract
		 * @throws IllegalArgumentException when a renamed field does not exist or two fields would
		 * share an output name
		 */
		public FieldContract build() {
			List<FieldSpec> fields = new ArrayList<>();
			for (String name : this.schema.eventFieldOrder()) {
				event(fields, name, (name.equals(CoreFields.LEVEL) || name.equals(CoreFields.LOGGER)) ? FieldKind.LABEL
						: FieldKind.METADATA);
			}
			String versionField = this.schema.versionField();
			if (versionField != null) {
				fields.add(new FieldSpec(versionField, versionField, Origin.STATIC, "schema:" + this.schema.name().toLowerCase(Locale.ROOT), false,
						null, FieldKind.LABEL, this.schema.version(), List.of()));
			}
			property(fields, CoreFields.SERVICE, true);
			property(fields, CoreFields.ENV, true);
			mdc(fields, CoreFields.REQUEST_ID, true, List.of(CoreFields.REQUEST_ID));
			mdc(fields, CoreFields.TRACE_ID, false, List.of(CoreFields.TRACE_ID, CoreFields.TRACER_TRACE_ID));
			mdc(fields, CoreFields.SPAN_ID, false, List.of(CoreFields.SPAN_ID, CoreFields.TRACER_SPAN_ID));
			mdc(fields, CoreFields.JOB, false, List.of(CoreFields.JOB));
			property(fields, CoreFields.REGION, false);
			property(fields, CoreFields.VERSION, false);
			property(fields, CoreFields.INSTANCE, false);
			property(fields, CoreFields.WORKER, false);
			this.extraFields.forEach((name, value) -> fields.add(new FieldSpec(name, name, Origin.STATIC,
					"property:fluxtail.static-fields." + name, false, null, FieldKind.LABEL, value, List.of())));
			event(fields, CoreFields.ERROR_TYPE, FieldKind.LABEL);
			event(fields, CoreFields.ERROR_MESSAGE, FieldKind.METADATA);
			event(fields, CoreFields.STACK_TRACE, FieldKind.METADATA);
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

		private void event(List<FieldSpec> fields, String name, FieldKind kind) {
			fields.add(new FieldSpec(name, outputNameOf(name), Origin.EVENT, "event", isAlwaysPresent(name), null,
					kind, null, List.of()));
		}

		private static boolean isAlwaysPresent(String name) {
			return !name.startsWith("error_") && !name.equals(CoreFields.STACK_TRACE);
		}

		private void property(List<FieldSpec> fields, String name, boolean required) {
			StaticValue configured = this.staticValues.getOrDefault(name, new StaticValue(null, "property"));
			fields.add(new FieldSpec(name, outputNameOf(name), Origin.STATIC, configured.source(), required,
					required ? CoreFields.MISSING : null, FieldKind.LABEL, configured.value(), List.of()));
		}

		private void mdc(List<FieldSpec> fields, String name, boolean required, List<String> mdcKeys) {
			String source = (mdcKeys.size() > 1) ? "mdc:" + String.join("|", mdcKeys) : "mdc:" + name;
			fields.add(new FieldSpec(name, outputNameOf(name), Origin.MDC, source, required,
					required ? CoreFields.MISSING : null, FieldKind.METADATA, null, mdcKeys));
		}

		private String outputNameOf(String name) {
			return this.outputNames.getOrDefault(name, this.schema.fieldName(name));
		}

		private record StaticValue(@Nullable String value, String source) {
		}

	}

}
