package io.fluxtail.autoconfigure.logging;

import java.util.Locale;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Spring Boot's own structured formats ({@code logging.structured.format.console} and
 * {@code .file}), and the names Fluxtail's fields take in each: ECS names for {@code ecs},
 * Fluxtail's for {@code logstash}, GELF additional fields ({@code _} first) for {@code gelf}.
 */
enum BootStructuredFormat {

	/** Elastic Common Schema. */
	ECS {
		@Override
		String fieldName(String name) {
			return Schema.ECS.fieldName(name);
		}

		@Override
		boolean writesItself(String name) {
			// Boot's ECS writes its own service object, filled from logging.structured.ecs.service.*
			return name.equals(CoreFields.SERVICE) || name.equals(CoreFields.ENV) || name.equals(CoreFields.VERSION)
					|| name.equals(CoreFields.INSTANCE);
		}
	},

	/** Logstash JSON. */
	LOGSTASH {
		@Override
		String fieldName(String name) {
			return name;
		}

		@Override
		boolean writesItself(String name) {
			return false;
		}
	},

	/** Graylog Extended Log Format. */
	GELF {
		@Override
		String fieldName(String name) {
			return "_" + name;
		}

		@Override
		boolean writesItself(String name) {
			// Boot's GELF writes host and _service_version from logging.structured.gelf.*
			return name.equals(CoreFields.SERVICE) || name.equals(CoreFields.VERSION);
		}
	};

	static final String CONSOLE_PROPERTY = "logging.structured.format.console";

	static final String FILE_PROPERTY = "logging.structured.format.file";

	/**
	 * Returns the name a contract field is written with in this format.
	 * @param name the field's Fluxtail name, one of {@link CoreFields}
	 * @return the name in this format
	 */
	abstract String fieldName(String name);

	/**
	 * Whether Boot's formatter writes this contract field itself, from its own properties.
	 * @param name the field's Fluxtail name
	 * @return whether Boot writes it
	 */
	abstract boolean writesItself(String name);

	/**
	 * Returns the format a {@code logging.structured.format.*} value names.
	 * @param value the property value
	 * @return the format, or {@code null} when the value is empty or names a formatter class
	 */
	static @Nullable BootStructuredFormat forId(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "ecs" -> ECS;
			case "logstash" -> LOGSTASH;
			case "gelf" -> GELF;
			default -> null;
		};
	}

	/**
	 * Returns the format whose names Fluxtail's fields take: the console's, else the file's.
	 * Boot builds one list of JSON members for both, so when they name different formats the
	 * console's names are used on both.
	 * @param environment the environment
	 * @return the format, or {@code null} when neither names one of Boot's formats
	 */
	static @Nullable BootStructuredFormat primary(Environment environment) {
		BootStructuredFormat console = forId(environment.getProperty(CONSOLE_PROPERTY));
		return (console != null) ? console : forId(environment.getProperty(FILE_PROPERTY));
	}

	/**
	 * Returns the value of {@code logging.structured.format.console} or {@code .file} when it names
	 * a formatter class rather than one of Boot's formats.
	 * @param environment the environment
	 * @param property the property
	 * @return the class name, or {@code null}
	 */
	static @Nullable String customFormatter(Environment environment, String property) {
		String value = environment.getProperty(property);
		return (StringUtils.hasText(value) && forId(value) == null) ? value.trim() : null;
	}

}
