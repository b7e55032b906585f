package io.fluxtail.autoconfigure;

import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds a {@link RequestIds} from an id-prefix property of jobs or messages, failing startup with
 * a message that names the property when generated ids would break the inbound id rule.
 */
public final class ConfiguredRequestIds {

	private ConfiguredRequestIds() {
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
