package io.fluxtail.actuate;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.FieldKind;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.Presence;
import org.jspecify.annotations.Nullable;

/**
 * One field of the contract as the endpoint shows it.
 *
 * @param name the name written on the line
 * @param source where the value comes from, such as {@code property:fluxtail.service} or
 * {@code mdc:request_id}
 * @param required whether the field is written even without a value
 * @param defaultValue the value written when a required field has none
 * @param kind {@code label} for low-cardinality fast filters, {@code metadata} for
 * high-cardinality context
 * @param value the current value of a static field, masked when it looks like a credential
 * @param presence which lines carry the field, a {@link Presence#id() presence id} such as
 * {@code every-line}
 */
public record FieldDescriptor(String name, String source, boolean required,
		@JsonProperty("default") @Nullable String defaultValue, String kind, @Nullable String value,
		String presence) {

	/**
	 * Describes a field of the contract.
	 * @param field the field
	 * @param shownValue its value as the endpoint may show it, {@code null} when it has none
	 * @param presence which lines carry it
	 * @return its description
	 */
	public static FieldDescriptor of(FieldSpec field, @Nullable String shownValue, Presence presence) {
		return new FieldDescriptor(field.outputName(), field.source().describe(), field.required(),
				field.defaultValue(), kindName(field.kind()), shownValue, presence.id());
	}

	/**
	 * Describes a field written on some lines only, such as the completion line's, under its name
	 * in Fluxtail's schema.
	 * @param field the field
	 * @return its description
	 */
	public static FieldDescriptor of(FieldDefinition field) {
		return new FieldDescriptor(field.fieldName(), field.source().describe(), field.required(),
				field.defaultValue(), kindName(field.kind()), null, field.presence().id());
	}

	private static String kindName(FieldKind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

}
