package io.fluxtail.autoconfigure.logging;

import io.fluxtail.logging.contract.ContractCheck;
import io.fluxtail.logging.contract.ContractViolationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a strict contract failure with the properties to set.
 */
class ContractViolationFailureAnalyzer extends AbstractFailureAnalyzer<ContractViolationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ContractViolationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + ContractCheck.describe(cause.getUnsetFields())
						+ ", or set fluxtail.contract.strict=false to write them as '-' with a warning.",
				cause);
	}

}
