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

/**
 * What Logback is doing right now: the starter's installation decision and every appender that
 * carries a Fluxtail encoder, whether the starter installed it or the application's own
 * configuration did.
 *
 * @param installation the starter's decision at startup, {@code null} when it never ran
 * @param appenders names of the appenders whose encoder is a {@link FluxtailEncoder}
 * @param config the configuration of the first such encoder, {@code null} when there is none
 */
public record LoggingState(@Nullable Installation installation, List<String> appenders, @Nullable EncoderConfig config) {

	/**
	 * Reads the state of the Logback context behind SLF4J.
	 * @return the current state
	 */
	public static LoggingState read() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return new LoggingState(null, List.of(), null);
		}
		Installation installation = (Installation) context.getObject(Installation.CONTEXT_KEY);
		Set<String> appenders = new LinkedHashSet<>();
		List<EncoderConfig> configs = new ArrayList<>();
		for (Logger logger : context.getLoggerList()) {
			for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
				if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
						&& appender.getEncoder() instanceof FluxtailEncoder encoder && encoder.getConfig() != null) {
					appenders.add(appender.getName());
					configs.add(encoder.getConfig());
				}
			}
		}
		return new LoggingState(installation, List.copyOf(appenders), configs.isEmpty() ? null : configs.get(0));
	}

}
