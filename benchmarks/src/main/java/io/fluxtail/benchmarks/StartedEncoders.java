package io.fluxtail.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * Starts the encoders a benchmark compares, failing the setup when one refuses to start: a
 * stopped encoder writes nothing and would win every benchmark.
 */
final class StartedEncoders {

	private StartedEncoders() {
	}

	static <E extends Encoder<ILoggingEvent>> E started(E encoder, LoggerContext context) {
		encoder.setContext(context);
		encoder.start();
		if (!encoder.isStarted()) {
			throw new IllegalStateException(encoder.getClass().getName() + " did not start");
		}
		return encoder;
	}

}
