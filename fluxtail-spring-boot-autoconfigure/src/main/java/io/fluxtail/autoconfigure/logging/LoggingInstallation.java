package io.fluxtail.autoconfigure.logging;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.output.QueuedAppender;
import io.fluxtail.logging.storm.StormFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * What the starter did to an application's Logback, as a bean: the installer registers it when
 * the application context is prepared, as Spring Boot registers its {@code LoggingSystem}, and the
 * auto-configurations inject it. Its views are read from Logback each time, so they also show the
 * encoders of the application's own Logback configuration and the queue in front of them.
 */
public final class LoggingInstallation {

	/** Name of the bean. */
	public static final String BEAN_NAME = "fluxtailLoggingInstallation";

	private final Installation decision;

	private final LoggerContext context;

	LoggingInstallation(Installation decision, LoggerContext context) {
		this.decision = decision;
		this.context = context;
	}

	/**
	 * Returns the installer's decision at startup.
	 * @return the decision
	 */
	public Installation decision() {
		return this.decision;
	}

	/**
	 * Returns the names of the appenders whose encoder is a started {@link FluxtailEncoder}.
	 * @return the appender names
	 */
	public List<String> appenders() {
		return List.copyOf(fluxtailEncoders(this.context).keySet());
	}

	/**
	 * Returns the running Fluxtail encoders, in the order of {@link #appenders()}.
	 * @return the encoders
	 */
	public List<FluxtailEncoder> encoders() {
		return List.copyOf(fluxtailEncoders(this.context).values());
	}

	/**
	 * Returns the configuration of the first running encoder, else the one applied to Spring
	 * Boot's own structured formats.
	 * @return the configuration in use, {@code null} when there is neither
	 */
	public @Nullable EncoderConfig config() {
		Iterator<FluxtailEncoder> encoders = fluxtailEncoders(this.context).values().iterator();
		return encoders.hasNext() ? encoders.next().getConfig() : this.decision.config();
	}

	/**
	 * Returns the configuration of the running encoders, else the one the properties describe
	 * (no encoder runs, or the installer did not run for this application).
	 * @param installation the installation, {@code null} when there is none
	 * @param properties the bound properties
	 * @param environment the environment
	 * @return the configuration in use
	 */
	public static EncoderConfig configInUse(@Nullable LoggingInstallation installation,
			FluxtailProperties properties, Environment environment) {
		EncoderConfig running = (installation != null) ? installation.config() : null;
		return (running != null) ? running : FluxtailSettings.encoderConfig(properties, environment);
	}

	/**
	 * Returns the queue in front of the appenders.
	 * @return the started queue, {@code null} when output is synchronous
	 */
	public @Nullable QueuedAppender queue() {
		return (this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.getAppender(QueuedAppender.NAME) instanceof QueuedAppender queue && queue.isStarted()) ? queue : null;
	}

	/**
	 * Returns storm control.
	 * @return the started filter, {@code null} when storm control is off
	 */
	public @Nullable StormFilter storm() {
		for (TurboFilter filter : this.context.getTurboFilterList()) {
			if (filter instanceof StormFilter storm && storm.isStarted()) {
				return storm;
			}
		}
		return null;
	}

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
