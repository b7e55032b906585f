package io.fluxtail.logging.encoder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldContract;

/**
 * Real Logback events and a started encoder, for tests that format single events.
 */
final class TestEvents {

	static final Instant TIME = Instant.parse("2026-04-24T10:14:03.125Z");

	private final LoggerContext context = new LoggerContext();

	TestEvents() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
	}

	LoggingEvent event(String logger, Level level, String message, Object... arguments) {
		return event(logger, level, message, null, arguments);
	}

	LoggingEvent event(String logger, Level level, String message, Throwable throwable, Object... arguments) {
		Logger log = this.context.getLogger(logger);
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), log, level, message, throwable,
				(arguments.length > 0) ? arguments : null);
		event.setTimeStamp(TIME.toEpochMilli());
		event.setThreadName("main");
		return event;
	}

	FluxtailEncoder encoder(LogFormat format, FieldContract contract, ContractStats stats) {
		return encoder(new EncoderConfig(format, contract, StackTraceSettings.defaults(), stats));
	}

	FluxtailEncoder encoder(EncoderConfig config) {
		FluxtailEncoder encoder = new FluxtailEncoder(config);
		encoder.setContext(this.context);
		encoder.start();
		return encoder;
	}

	static String encode(FluxtailEncoder encoder, LoggingEvent event) {
		return new String(encoder.encode(event), StandardCharsets.UTF_8);
	}

	/**
	 * An application object, which the encoder has Jackson serialize.
	 *
	 * @param text its one property
	 */
	record Note(String text) {
	}

}
