package io.fluxtail.autoconfigure;

import java.util.regex.Pattern;

import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the properties that say where request ids travel and how they are generated, for HTTP
 * requests, jobs and messages alike, failing startup with a message that names the property.
 */
public final class ConfiguredRequestIds {

	/** A header name, HTTP or Kafka: an RFC 9110 token. */
	private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

	private ConfiguredRequestIds() {
	}

	/**
	 * Checks a header name property.
	 * @param property the property, such as {@code fluxtail.request.header}
	 * @param header its value
	 * @throws InvalidConfigurationPropertyValueException when the value is not a header name
	 */
	public static void checkHeader(String property, @Nullable String header) {
		if (header == null || !HEADER.matcher(header).matches()) {
			throw new InvalidConfigurationPropertyValueException(property, header,
					"Must be a valid header name (1 to 64 token characters, no spaces).");
		}
	}

	/**
	 * Builds the ids.
	 * @param property the name of the prefix property, such as {@code fluxtail.job.id-prefix}
	 * @param prefix the configured prefix
	 * @param trustInbound whether a safe inbound id is kept
	 * @param stats where ids are counted
	 * @return the ids
	 * @throws InvalidConfigurationPropertyValueException when the prefix is not allowed
	 */
	public static RequestIds of(String property, String prefix, boolean trustInbound, RequestContextStats stats) {
		try {
			return new RequestIds(prefix, trustInbound, stats);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, prefix, ex.getMessage());
		}
	}

}
