package io.fluxtail.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import io.fluxtail.logging.encoder.EncoderConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Finds the configuration of the encoders the starter installed before the context existed, so
 * that beans (detectors, metrics, the endpoint) can reach them. Needs Logback on the classpath.
 */
public final class InstalledEncoders {

	private InstalledEncoders() {
	}

	/**
	 * Returns the installed encoders' configuration.
	 * @return the configuration, or {@code null} when the starter did not install its encoder
	 */
	public static @Nullable EncoderConfig config() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context
				&& context.getObject(Installation.CONTEXT_KEY) instanceof Installation installation) {
			return installation.config();
		}
		return null;
	}

}
