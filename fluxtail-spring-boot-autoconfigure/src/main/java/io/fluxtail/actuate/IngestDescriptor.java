package io.fluxtail.actuate;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Shipping to Fluxtail.
 *
 * @param active whether events are shipped
 * @param inactiveReason why not, {@code null} when they are
 * @param destination where they go: the URL without credentials, query or user info
 * @param lastSuccess when the backend last accepted a batch, {@code null} before the first
 * @param queueSize events waiting to be sent
 * @param inFlight events of the batch being sent or waiting for its retry
 * @param queueCapacity most events that may wait
 * @param sent events the backend accepted
 * @param retries batches sent again after a failure
 * @param undelivered events not delivered since start, whatever the reason
 * @param dropped events not delivered, by reason
 */
public record IngestDescriptor(boolean active, @Nullable String inactiveReason, String destination,
		@Nullable Instant lastSuccess, int queueSize, int inFlight, int queueCapacity, long sent, long retries,
		long undelivered, Map<String, Long> dropped) {

}
