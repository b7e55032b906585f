package io.fluxtail.actuate;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fluxtail.logging.contract.FieldSpec;
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
 */
public record FieldDescriptor(String name, String source, boolean required,
		@JsonProperty("default") @Nullable String defaultValue, String kind, @Nullable String value) {

	static FieldDescriptor of(FieldSpec field, String source, @Nullable String shownValue) {
		return new FieldDescriptor(field.outputName(), source, field.required(), field.defaultValue(),
				field.kind().name().toLowerCase(Locale.ROOT), shownValue);
	}

}
