package io.fluxtail.autoconfigure.logging;

import java.util.List;

import io.fluxtail.logging.encoder.EncoderConfig;
import org.jspecify.annotations.Nullable;


/**
 * What the starter decided to do to Spring Boot's logging at startup.
 *
 * @param installed whether the Fluxtail encoder is in use: installed on Boot's appenders, or
 * already used by the application's own Logback configuration
 * @param reason why it was not installed, {@code null} when it was
 * @param appenders names of the appenders that now carry the Fluxtail encoder
 * @param config the configuration of the encoders the starter installed, or the one its fields and
 * redaction use in Spring Boot's own formats; {@code null} when there is neither (the application's
 * own Logback configuration may still use the encoder)
 */
public record Installation(boolean installed, @Nullable Reason reason, List<String> appenders,
		@Nullable EncoderConfig config) {

	static Installation installed(List<String> appenders, EncoderConfig config) {
		return new Installation(true, null, List.copyOf(appenders), config);
	}

	static Installation byApplicationConfig(List<String> appenders) {
		return new Installation(true, null, List.copyOf(appenders), null);
	}

	static Installation bootFormats(EncoderConfig config) {
		return new Installation(false, Reason.BOOT_STRUCTURED_FORMAT, List.of(), config);
	}

	static Installation skipped(Reason reason) {
		return new Installation(false, reason, List.of(), null);
	}

	/**
	 * Why the starter left Spring Boot's logging alone.
	 */
	public enum Reason {

		/** {@code fluxtail.enabled=false}. */
		DISABLED_BY_PROPERTY("fluxtail.enabled is false"),

		/** The application has its own Logback configuration file or sets {@code logging.config}. */
		CUSTOM_LOGBACK_CONFIG("the application has its own Logback configuration (logging.config or logback[-spring].xml); "
				+ "use io.fluxtail.autoconfigure.logging.FluxtailSpringEncoder in it"),

		/** Every appender keeps Spring Boot's own structured format ({@code logging.structured.format.*}). */
		BOOT_STRUCTURED_FORMAT("Spring Boot's own structured format is kept (logging.structured.format.*); "
				+ "Fluxtail adds its contract fields and redaction to ecs, logstash and gelf"),

		/** Boot's configuration has no console or file appender. */
		NO_APPENDER("Spring Boot's Logback configuration has no console or file appender");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		public String description() {
			return this.description;
		}

	}

}
