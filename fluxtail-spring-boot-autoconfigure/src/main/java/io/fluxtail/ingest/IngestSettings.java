package io.fluxtail.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldKind;
import io.fluxtail.logging.contract.FieldSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * Turns {@code fluxtail.ingest.*} into checked settings, failing with a message that names the
 * property and never repeats a credential.
 */
final class IngestSettings {

	static final String PREFIX = "fluxtail.ingest";

	static final String URL = PREFIX + ".url";

	static final String API_KEY = PREFIX + ".api-key";

	/** Read when {@code fluxtail.ingest.api-key} is unset. */
	static final String API_KEY_VARIABLE = "FLUXTAIL_API_KEY";

	/** Properties whose value may be a credential: a failure report never shows them as set. */
	static final Set<String> SECRET_PROPERTIES = Set.of(URL, API_KEY, API_KEY_VARIABLE);

	private static final String NOT_SHOWN = "(not shown)";

	private IngestSettings() {
	}

	static URI url(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(URL, NOT_SHOWN, "Not a URL: " + ex.getReason() + ".");
		}
		if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
				|| uri.getHost() == null) {
			throw new InvalidConfigurationPropertyValueException(URL, IngestUrls.withoutCredentials(uri),
					"Must be an http or https URL with a host, such as https://ingest.fluxtail.io/v1/logs.");
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
			throw new InvalidConfigurationPropertyValueException(URL, IngestUrls.withoutCredentials(uri),
					"Must not carry credentials or a query; set the key with fluxtail.ingest.api-key or FLUXTAIL_API_KEY.");
		}
		return uri;
	}

	/**
	 * The key, checked as the header value it becomes: a line break or a control character in it
	 * would fail every request on the sending thread.
	 */
	static @Nullable String apiKey(FluxtailIngestProperties properties, Environment environment) {
		boolean fromProperty = StringUtils.hasText(properties.getApiKey());
		String key = fromProperty ? properties.getApiKey() : environment.getProperty(API_KEY_VARIABLE);
		if (!StringUtils.hasText(key)) {
			return null;
		}
		String trimmed = key.trim();
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				throw new InvalidConfigurationPropertyValueException(fromProperty ? API_KEY : API_KEY_VARIABLE,
						NOT_SHOWN, "Must be usable as an HTTP header value: printable ASCII characters, "
								+ "without spaces or line breaks.");
			}
		}
		return trimmed;
	}

	static Level minLevel(FluxtailIngestProperties properties) {
		Level level = Level.toLevel(properties.getMinLevel(), null);
		if (level == null || level == Level.OFF || level == Level.ALL) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".min-level", properties.getMinLevel(),
					"Must be one of TRACE, DEBUG, INFO, WARN, ERROR.");
		}
		return level;
	}

	/**
	 * Rejects a new kind for a field with a place of its own in a log record, whether or not
	 * anything ships, so that the setting fails where it is made.
	 */
	static void checkFieldKinds(Map<String, FieldKind> kinds, Errors errors) {
		for (String field : kinds.keySet()) {
			if (IngestMapping.FIXED_FIELDS.contains(field)) {
				errors.rejectValue("fieldKinds[" + field + "]", "fixed", IngestMapping.fixedFieldMessage(field));
			}
		}
	}

	static IngestMapping mapping(FluxtailIngestProperties properties, FieldContract contract) {
		try {
			return new IngestMapping(contract, properties.getFieldKinds(), stream(properties, contract));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".field-kinds", properties.getFieldKinds(),
					ex.getMessage() + ".");
		}
	}

	private static String stream(FluxtailIngestProperties properties, FieldContract contract) {
		if (StringUtils.hasText(properties.getStream())) {
			return properties.getStream().trim();
		}
		FieldSpec service = contract.field(CoreFields.SERVICE);
		return (service != null && service.value() != null) ? service.value() : CoreFields.MISSING;
	}

	static DeliverySettings delivery(FluxtailIngestProperties properties) {
		positive("flush-interval", properties.getFlushInterval());
		positive("timeout", properties.getTimeout());
		positive("connect-timeout", properties.getConnectTimeout());
		positive("initial-backoff", properties.getInitialBackoff());
		positive("max-backoff", properties.getMaxBackoff());
		positive("retry-budget", properties.getRetryBudget());
		positive("stop-timeout", properties.getStopTimeout());
		for (Map.Entry<String, Integer> bound : Map.of("queue-capacity", properties.getQueueCapacity(),
				"max-batch-size", properties.getMaxBatchSize()).entrySet()) {
			if (bound.getValue() < 1) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "." + bound.getKey(), bound.getValue(),
						"Must be at least 1.");
			}
		}
		if (properties.getMaxBatchSize() > properties.getQueueCapacity()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".max-batch-size", properties.getMaxBatchSize(),
					"Must not exceed fluxtail.ingest.queue-capacity (" + properties.getQueueCapacity() + ").");
		}
		if (properties.getQueueMaxSize().toBytes() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".queue-max-size",
					properties.getQueueMaxSize(), "Must be positive.");
		}
		return new DeliverySettings(properties.getQueueCapacity(), properties.getQueueMaxSize().toBytes(),
				properties.getMaxBatchSize(), properties.getFlushInterval(), properties.getInitialBackoff(),
				properties.getMaxBackoff(), properties.getRetryBudget(), properties.getStopTimeout());
	}

	private static void positive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "." + property, value, "Must be positive.");
		}
	}

}
