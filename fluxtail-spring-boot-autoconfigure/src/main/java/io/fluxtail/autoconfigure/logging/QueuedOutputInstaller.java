package io.fluxtail.autoconfigure.logging;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.fluxtail.logging.output.OutputSettings;
import io.fluxtail.logging.output.QueuedAppender;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Puts the queue between the root logger and the appenders that carry the Fluxtail encoder when
 * {@code fluxtail.output.async=true}; called by the logging installer before the context exists.
 */
final class QueuedOutputInstaller {

	private QueuedOutputInstaller() {
	}

	/**
	 * Gives the appenders wrapped by an earlier application in this JVM back to the root logger
	 * (writing what it queued), so that this application's settings decide.
	 * @param context the Logback context
	 */
	public static void release(LoggerContext context) {
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(QueuedAppender.NAME) instanceof QueuedAppender queue) {
			root.detachAppender(queue);
			queue.release().forEach(root::addAppender);
		}
	}

	/**
	 * Wraps the named root appenders in the queue when the application asks for it.
	 * @param context the Logback context
	 * @param appenderNames the appenders that carry the Fluxtail encoder
	 * @param environment the application's environment
	 * @throws InvalidConfigurationPropertyValueException when a {@code fluxtail.output.*} value is
	 * unusable
	 */
	public static void install(LoggerContext context, List<String> appenderNames, Environment environment) {
		OutputSettings settings = settings(environment);
		if (settings == null) {
			return;
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		QueuedAppender queue = new QueuedAppender(settings);
		queue.setContext(context);
		for (String name : appenderNames) {
			Appender<ILoggingEvent> appender = root.getAppender(name);
			if (appender != null) {
				root.detachAppender(appender);
				queue.addAppender(appender);
			}
		}
		queue.start();
		root.addAppender(queue);
	}

	/**
	 * Reads {@code fluxtail.output.*}.
	 * @param environment the environment
	 * @return the queue's settings, {@code null} when output stays synchronous
	 * @throws InvalidConfigurationPropertyValueException when a value is unusable
	 */
	static @Nullable OutputSettings settings(Environment environment) {
		FluxtailOutputProperties properties = Binder.get(environment)
			.bind(FluxtailOutputProperties.PREFIX, FluxtailOutputProperties.class)
			.orElseGet(FluxtailOutputProperties::new);
		if (properties.getQueueCapacity() < 1) {
			throw new InvalidConfigurationPropertyValueException(FluxtailOutputProperties.PREFIX + ".queue-capacity",
					properties.getQueueCapacity(), "The queue must hold at least one event.");
		}
		requireNotNegative("max-block", properties.getMaxBlock());
		requireNotNegative("stop-timeout", properties.getStopTimeout());
		return properties.isAsync() ? new OutputSettings(properties.getQueueCapacity(), properties.getMaxBlock(),
				properties.getStopTimeout()) : null;
	}

	private static void requireNotNegative(String name, Duration value) {
		if (value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(FluxtailOutputProperties.PREFIX + "." + name, value,
					"A duration must not be negative.");
		}
	}

}
