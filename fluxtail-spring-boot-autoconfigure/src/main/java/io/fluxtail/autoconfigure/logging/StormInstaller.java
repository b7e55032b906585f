package io.fluxtail.autoconfigure.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import io.fluxtail.logging.storm.StormFilter;
import io.fluxtail.logging.storm.StormSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.env.Environment;

/**
 * Puts storm control in front of every appender as a Logback turbo filter, which sees each logging
 * call before an event exists; called by the logging installer before the context exists.
 */
final class StormInstaller {

	private StormInstaller() {
	}

	/**
	 * Removes the storm control an earlier application in this JVM installed, writing its pending
	 * summaries, so that this application's settings decide.
	 * @param context the Logback context
	 */
	static void release(LoggerContext context) {
		for (TurboFilter filter : List.copyOf(context.getTurboFilterList())) {
			if (filter instanceof StormFilter storm) {
				context.getTurboFilterList().remove(storm);
				storm.stop();
			}
		}
	}

	/**
	 * Installs storm control unless {@code fluxtail.storm.enabled=false}.
	 * @param context the Logback context
	 * @param environment the environment
	 * @param excludedPackages the stack trace's collapsed packages, left out of fingerprints
	 * @throws InvalidConfigurationPropertyValueException when a {@code fluxtail.storm.*} value is
	 * unusable
	 */
	static void install(LoggerContext context, Environment environment, List<String> excludedPackages) {
		StormSettings settings = settings(environment, excludedPackages);
		if (settings == null) {
			return;
		}
		StormFilter filter = new StormFilter(settings);
		filter.setContext(context);
		filter.start();
		context.addTurboFilter(filter);
	}

	/**
	 * Reads {@code fluxtail.storm.*}.
	 * @return the settings, {@code null} when storm control is off
	 */
	static @Nullable StormSettings settings(Environment environment, List<String> excludedPackages) {
		FluxtailStormProperties properties = Binder.get(environment)
			.bind(FluxtailStormProperties.PREFIX, FluxtailStormProperties.class)
			.orElseGet(FluxtailStormProperties::new);
		if (properties.getLimit() < 0) {
			throw new InvalidConfigurationPropertyValueException(FluxtailStormProperties.PREFIX + ".limit",
					properties.getLimit(), "The limit must not be negative.");
		}
		if (properties.getWindow().isNegative() || properties.getWindow().toMillis() < 1) {
			throw new InvalidConfigurationPropertyValueException(FluxtailStormProperties.PREFIX + ".window",
					properties.getWindow(), "The window must be at least one millisecond.");
		}
		if (properties.getMaxKeys() < 1) {
			throw new InvalidConfigurationPropertyValueException(FluxtailStormProperties.PREFIX + ".max-keys",
					properties.getMaxKeys(), "At least one key must be tracked.");
		}
		if (!properties.isEnabled()) {
			return null;
		}
		Level minLevel = level(properties.getMinLevel());
		return new StormSettings(properties.getLimit(), properties.getWindow(), properties.getMaxKeys(),
				(minLevel != null) ? minLevel : StormSettings.DEFAULT_MIN_LEVEL, level(properties.getNeverSuppressAbove()),
				excludedPackages);
	}

	private static @Nullable Level level(@Nullable LogLevel level) {
		if (level == null) {
			return null;
		}
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			case ERROR, FATAL -> Level.ERROR;
			case OFF -> Level.OFF;
		};
	}

}
