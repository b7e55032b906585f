package io.fluxtail.autoconfigure.logging;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldSpec;
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
	ECS(Set.of("@timestamp", "log", "process", "service", "message", "error", "tags", "ecs")) {
		@Override
		String fieldName(String name) {
			return Schema.ECS.fieldName(name);
		}

		@Override
		boolean writesItself(String name) {
			// Boot's ECS writes its own service object (service.name, .environment, .version,
			// .node.name), filled from logging.structured.ecs.service.*
			return fieldName(name).startsWith("service.");
		}

		@Override
		String writtenName(String key) {
			// Boot's ECS nests dotted MDC keys: "service.name" is written inside "service"
			int dot = key.indexOf('.');
			return (dot > 0) ? key.substring(0, dot) : key;
		}
	},

	/** Logstash JSON. */
	LOGSTASH(Set.of("@timestamp", "@version", "message", "logger_name", "thread_name", "level", "level_value", "tags",
			"stack_trace")) {
		@Override
		String fieldName(String name) {
			return name;
		}

		@Override
		boolean writesItself(String name) {
			return false;
		}

		@Override
		String writtenName(String key) {
			return key;
		}
	},

	/** Graylog Extended Log Format ({@code _id} is reserved by the GELF specification). */
	GELF(Set.of("version", "short_message", "full_message", "timestamp", "level", "host", "_id", "_level_name",
			"_process_pid", "_process_thread_name", "_service_version", "_log_logger", "_error_type",
			"_error_stack_trace", "_error_message")) {
		@Override
		String fieldName(String name) {
			return "_" + name;
		}

		@Override
		boolean writesItself(String name) {
			// Boot's GELF writes host and _service_version from logging.structured.gelf.*
			return name.equals(CoreFields.SERVICE) || name.equals(CoreFields.VERSION);
		}

		@Override
		String writtenName(String key) {
			return "_" + key;
		}
	};

	static final String CONSOLE_PROPERTY = "logging.structured.format.console";

	static final String FILE_PROPERTY = "logging.structured.format.file";

	private final Set<String> ownNames;

	BootStructuredFormat(Set<String> ownNames) {
		this.ownNames = ownNames;
	}

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
	 * Returns the top-level name under which Boot writes an MDC entry or key/value pair.
	 * @param key the entry's key
	 * @return the name at the top of the line
	 */
	abstract String writtenName(String key);

	/**
	 * Returns the static contract fields Fluxtail adds to this format's lines: those Boot does not
	 * write itself, under this format's names, a required one without value as {@code -}.
	 * @param contract the contract
	 * @return the values by name, in contract order
	 */
	Map<String, String> contractFields(FieldContract contract) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldSpec field : contract.fields()) {
			if (field.source().isStatic() && !writesItself(field.name())) {
				String value = (field.value() != null) ? field.value() : field.required() ? CoreFields.MISSING : null;
				if (value != null) {
					fields.put(fieldName(field.outputName()), value);
				}
			}
		}
		return fields;
	}

	/**
	 * Returns the top-level names an application's MDC entry or key/value pair must not take in
	 * this format: the format's own and the contract fields added to it.
	 * @param contract the contract
	 * @return the reserved names
	 */
	Set<String> reservedNames(FieldContract contract) {
		Set<String> reserved = new HashSet<>(this.ownNames);
		reserved.addAll(contractFields(contract).keySet());
		return Set.copyOf(reserved);
	}

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
