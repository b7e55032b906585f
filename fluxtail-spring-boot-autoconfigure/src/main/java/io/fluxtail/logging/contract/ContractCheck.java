package io.fluxtail.logging.contract;

import java.util.List;
import java.util.stream.Collectors;

import io.fluxtail.logging.contract.FieldSpec.Origin;

/**
 * Finds the required fields that will be written with their default on every line because nothing
 * configures them, and says which property would.
 */
public final class ContractCheck {

	private static final String PROPERTY_SOURCE = "property:";

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
			.filter((field) -> field.origin() == Origin.STATIC && field.required() && field.value() == null)
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
		String property = field.source().startsWith(PROPERTY_SOURCE)
				? field.source().substring(PROPERTY_SOURCE.length()) : field.source();
		return field.name().equals(CoreFields.SERVICE) ? property + " or spring.application.name" : property;
	}

}
