package io.fluxtail.logging.encoder;

import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.redaction.ActiveRedaction;
import io.fluxtail.logging.redaction.RedactionPolicy;

/**
 * Everything a {@link FluxtailEncoder} needs. One instance is shared by every encoder of an
 * application, so that counters are not split per appender.
 *
 * @param format the line format
 * @param contract the field contract
 * @param stackTrace how exceptions are rendered
 * @param stats counters the encoder updates
 * @param redaction the redaction policy in force and its counters
 */
public record EncoderConfig(LogFormat format, FieldContract contract, StackTraceSettings stackTrace,
		ContractStats stats, ActiveRedaction redaction) {

	/**
	 * Creates a configuration that applies a redaction policy, with counters of its own.
	 * @param format the line format
	 * @param contract the field contract
	 * @param stackTrace how exceptions are rendered
	 * @param stats counters the encoder updates
	 * @param redaction what is redacted and how large values may be
	 */
	public EncoderConfig(LogFormat format, FieldContract contract, StackTraceSettings stackTrace, ContractStats stats,
			RedactionPolicy redaction) {
		this(format, contract, stackTrace, stats, new ActiveRedaction(redaction));
	}

	/**
	 * Creates a configuration with the default redaction policy.
	 * @param format the line format
	 * @param contract the field contract
	 * @param stackTrace how exceptions are rendered
	 * @param stats counters the encoder updates
	 */
	public EncoderConfig(LogFormat format, FieldContract contract, StackTraceSettings stackTrace, ContractStats stats) {
		this(format, contract, stackTrace, stats, RedactionPolicy.defaults());
	}

	/**
	 * Returns a copy with another redaction policy.
	 * @param redaction the policy
	 * @return the new configuration
	 */
	public EncoderConfig withRedaction(RedactionPolicy redaction) {
		return new EncoderConfig(this.format, this.contract, this.stackTrace, this.stats, new ActiveRedaction(redaction));
	}

	/**
	 * Returns the configuration used when nothing was configured: the default contract with every
	 * required field at its default.
	 * @param format the line format
	 * @return a default configuration
	 */
	public static EncoderConfig defaults(LogFormat format) {
		return new EncoderConfig(format, FieldContract.builder().build(), StackTraceSettings.defaults(),
				new ContractStats());
	}

}
