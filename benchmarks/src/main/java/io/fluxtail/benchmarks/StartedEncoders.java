package io.fluxtail.benchmarks;

import java.io.OutputStream;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;

/**
 * Starts the encoders a benchmark compares, failing the setup when one refuses to start: a
 * stopped encoder writes nothing and would win every benchmark.
 */
public final class StartedEncoders {

	private StartedEncoders() {
	}

	public static <E extends Encoder<ILoggingEvent>> E started(E encoder, LoggerContext context) {
		encoder.setContext(context);
		encoder.start();
		if (!encoder.isStarted()) {
			throw new IllegalStateException(encoder.getClass().getName() + " did not start");
		}
		return encoder;
	}

	/**
	 * Returns a started appender named {@code SINK} that writes Fluxtail JSON lines to a stream.
	 */
	public static OutputStreamAppender<ILoggingEvent> jsonSink(LoggerContext context, OutputStream stream) {
		OutputStreamAppender<ILoggingEvent> sink = new OutputStreamAppender<>();
		sink.setContext(context);
		sink.setName("SINK");
		sink.setEncoder(started(new FluxtailEncoder(EncoderConfig.defaults(LogFormat.JSON)), context));
		sink.setOutputStream(stream);
		sink.start();
		return sink;
	}

}
