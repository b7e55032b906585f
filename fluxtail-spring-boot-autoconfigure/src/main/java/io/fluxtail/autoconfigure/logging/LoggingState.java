package io.fluxtail.autoconfigure.logging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
		Set<String> appenders = new LinkedHashSet<>();
		List<EncoderConfig> configs = new ArrayList<>();
		List<FluxtailEncoder> encoders = new ArrayList<>();
		for (Logger logger : context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
				if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
						&& appender.getEncoder() instanceof FluxtailEncoder encoder && encoder.getConfig() != null) {
					appenders.add(appender.getName());
					configs.add(encoder.getConfig());
					encoders.add(encoder);
				}
			}
		}
		return new LoggingState(installation, List.copyOf(appenders), configs.isEmpty() ? null : configs.get(0),
				List.copyOf(encoders));
	}

}
