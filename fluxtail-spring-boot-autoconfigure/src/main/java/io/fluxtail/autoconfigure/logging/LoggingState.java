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
import io.fluxtail.logging.output.QueuedAppender;
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
 * @param config the configuration of the first such encoder, else the one applied to Spring Boot's own
 * structured formats, {@code null} when there is neither
 * @param encoders the running Fluxtail encoders, in the order of {@code appenders}
 * @param queue the queue in front of those appenders, {@code null} when output is synchronous
 */
public record LoggingState(@Nullable Installation installation, List<String> appenders, @Nullable EncoderConfig config,
		List<FluxtailEncoder> encoders, @Nullable QueuedAppender queue) {

	private static final LoggingState NONE = new LoggingState(null, List.of(), null, List.of(), null);

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
				encoders.isEmpty() ? installation.config() : encoders.values().iterator().next().getConfig(),
				List.copyOf(encoders.values()),
				(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
					.getAppender(QueuedAppender.NAME) instanceof QueuedAppender queue && queue.isStarted()) ? queue : null);
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
				Appender<ILoggingEvent> appender = it.next();
				if (appender instanceof QueuedAppender queue) {
					queue.iteratorForAppenders().forEachRemaining((wrapped) -> addEncoder(wrapped, encoders));
				}
				addEncoder(appender, encoders);
			}
		}
		return encoders;
	}

	private static void addEncoder(Appender<ILoggingEvent> appender, Map<String, FluxtailEncoder> encoders) {
		if (appender instanceof OutputStreamAppender<ILoggingEvent> stream
				&& stream.getEncoder() instanceof FluxtailEncoder encoder && encoder.getConfig() != null) {
			encoders.putIfAbsent(stream.getName(), encoder);
		}
	}

}
