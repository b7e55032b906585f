package io.fluxtail.logging.encoder;

import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldContract;

/**
 * Everything a {@link FluxtailEncoder} needs. One instance is shared by every encoder of an
 * application, so that counters are not split per appender.
 *
 * @param format the line format
 * @param contract the field contract
 * @param stackTrace how exceptions are rendered
 * @param stats counters the encoder updates
 */
public record EncoderConfig(LogFormat format, FieldContract contract, StackTraceSettings stackTrace,
		ContractStats stats) {

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
