package io.fluxtail.logging.contract;

import org.jspecify.annotations.Nullable;

/**
 * One field of the contract as configured.
 *
 * @param name the field's name in Fluxtail's schema
 * @param outputName the name written on the line
 * @param source where the value comes from
 * @param required whether the field is written even without a value
 * @param defaultValue the value written when a required field has none
 * @param kind how the field is meant to be queried
 * @param value the value of a static field, {@code null} when unset or not static
 * @param definition the field's row in the catalogue, {@code null} for a static field of the
 * configuration and the schema's version
 */
public record FieldSpec(String name, String outputName, Source source, boolean required,
		@Nullable String defaultValue, FieldKind kind, @Nullable String value, @Nullable FieldDefinition definition) {

	static FieldSpec of(FieldDefinition definition, String outputName, Source source, @Nullable String value) {
		return new FieldSpec(definition.fieldName(), outputName, source, definition.required(),
				definition.defaultValue(), definition.kind(), value, definition);
	}

}
