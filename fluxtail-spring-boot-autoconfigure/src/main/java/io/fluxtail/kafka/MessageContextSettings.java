package io.fluxtail.kafka;

import java.util.List;

/**
 * The Kafka settings in effect, validated.
 *
 * @param header the record header the request id is sent and read in
 * @param trustInbound whether a safe header id is kept rather than always generating one
 * @param idPrefix the prefix of generated ids
 * @param outbound whether {@code KafkaTemplate} sends the request id (and trace context)
 * @param completionEnabled whether a completion line is written per record or batch
 * @param completionExcludedListeners listener ids without a completion line
 */
record MessageContextSettings(String header, boolean trustInbound, String idPrefix, boolean outbound,
		boolean completionEnabled, List<String> completionExcludedListeners) {

	public MessageContextSettings {
		completionExcludedListeners = List.copyOf(completionExcludedListeners);
	}

}
