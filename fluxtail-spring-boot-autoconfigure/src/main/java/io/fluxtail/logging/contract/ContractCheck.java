package io.fluxtail.logging.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the required fields that will be written with their default on every line because nothing
 * configures them, and says which property would.
 */
public final class ContractCheck {

	private ContractCheck() {
	}

	/**
	 * Returns the required configuration-backed fields without a value.
	 * @param contract the contract
	 * @return the fields that fall back to their default, in contract order
	 */
	public static List<FieldSpec> unsetRequiredFields(FieldContract contract) {
		return contract.fields()
			.stream()
			.filter((field) -> field.source().isStatic() && field.required() && field.value() == null)
			.toList();
	}

	/**
	 * Describes fields and the properties that set them, such as
	 * {@code env (set fluxtail.environment)}.
	 * @param fields the fields
	 * @return the description
	 */
	public static String describe(List<FieldSpec> fields) {
		return fields.stream()
			.map((field) -> field.outputName() + " (set " + propertyOf(field) + ")")
			.collect(Collectors.joining(", "));
	}

	private static String propertyOf(FieldSpec field) {
		if (!(field.source() instanceof Source.Configured configured)) {
			return field.source().describe();
		}
		Source.Configured fallback = (configured instanceof Source.Property property) ? property.fallback() : null;
		return (fallback != null) ? configured.name() + " or " + fallback.name() : configured.name();
	}

}
