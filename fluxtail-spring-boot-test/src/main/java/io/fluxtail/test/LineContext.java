package io.fluxtail.test;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.redaction.RedactionPolicy;

/**
 * What the lines were written with: their format, the contract whose names and required fields
 * they carry, and the redaction policy whose detectors check them for secrets.
 *
 * @param format the line format
 * @param contract the field contract
 * @param detection the policy that checks values: the configured one, or the built-in detectors
 * when redaction is off
 */
record LineContext(LogFormat format, FieldContract contract, RedactionPolicy detection) {

	static LineContext of(EncoderConfig config) {
		return new LineContext(config.format(), config.contract(), config.redaction().policy().detection());
	}

	String level() {
		return this.contract.outputName(CoreFields.LEVEL);
	}

	String logger() {
		return this.contract.outputName(CoreFields.LOGGER);
	}

	String message() {
		return this.contract.outputName(CoreFields.MESSAGE);
	}

	String thread() {
		return this.contract.outputName(CoreFields.THREAD);
	}

	String timestamp() {
		return this.contract.outputName(CoreFields.TIMESTAMP);
	}

	String requestId() {
		return this.contract.outputName(CoreFields.REQUEST_ID);
	}

}
