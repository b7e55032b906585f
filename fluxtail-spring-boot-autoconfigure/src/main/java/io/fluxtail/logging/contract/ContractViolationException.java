package io.fluxtail.logging.contract;

import java.util.List;

/**
 * Thrown at startup when the contract is strict and required fields have no value.
 */
public class ContractViolationException extends RuntimeException {

	private final List<FieldSpec> unsetFields;

	/**
	 * Creates an exception.
	 * @param unsetFields the required fields without a value
	 */
	public ContractViolationException(List<FieldSpec> unsetFields) {
		super("The Fluxtail field contract is strict and required fields have no value: "
				+ ContractCheck.describe(unsetFields));
		this.unsetFields = List.copyOf(unsetFields);
	}

	public List<FieldSpec> getUnsetFields() {
		return this.unsetFields;
	}

}
