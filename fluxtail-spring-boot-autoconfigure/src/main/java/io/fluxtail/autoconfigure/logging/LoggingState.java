package io.fluxtail.autoconfigure.logging;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

/**
 * What Logback is doing right now for an application: the starter's installation decision and
 * every appender that carries a Fluxtail encoder, whether the starter installed it or the
 * application's own configuration did. Logback is shared by the whole JVM, so the state of another
 * application (an earlier test's, say) reads as empty.
 *
 * @param installation the starter's decision at startup, {@code null} when it never ran
 * @param appenders names of the appenders whose encoder is a {@link FluxtailEncoder}
 * @param config the configuration of the first such encoder, {@code null} when there is none
 * @param encoders the running Fluxtail encoders, in the order of {@code appenders}
 */
public record LoggingState(@Nullable Installation installation, List<String> appenders, @Nullable EncoderConfig config,
		List<FluxtailEncoder> encoders) {

	private static final LoggingState NONE = new LoggingState(null, List.of(), null, List.of());

	/**
	 * Reads the state of the Logback context behind SLF4J for an application.
	 * @param environment the application's environment
	 * @return the current state, empty when Logback is not set up for that application
	 */
	public static LoggingState read(Environment environment) {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
				|| !(context.getObject(Installation.CONTEXT_KEY) instanceof Installation installation)
				|| installation.environment() != environment) {
			return NONE;
		}
		Map<String, FluxtailEncoder> encoders = fluxtailEncoders(context);
		return new LoggingState(installation, List.copyOf(encoders.keySet()),
				encoders.isEmpty() ? null : encoders.values().iterator().next().getConfig(),
				List.copyOf(encoders.values()));
	}

	/**
	 * Returns the names of the appenders, of any logger, whose encoder is a started
	 * {@link FluxtailEncoder}.
	 * @param context the Logback context
	 * @return the appender names
	 */
	static List<String> fluxtailAppenders(LoggerContext context) {
		return List.copyOf(fluxtailEncoders(context).keySet());
	}

	private static Map<String, FluxtailEncoder> fluxtailEncoders(LoggerContext context) {
		Map<String, FluxtailEncoder> encoders = new LinkedHashMap<>();
		for (Logger logger : context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
				if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
						&& appender.getEncoder() instanceof FluxtailEncoder encoder && encoder.getConfig() != null) {
					encoders.putIfAbsent(appender.getName(), encoder);
				}
			}
		}
		return encoders;
	}

}
