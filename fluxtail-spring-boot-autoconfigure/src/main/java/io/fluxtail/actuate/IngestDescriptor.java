package io.fluxtail.actuate;

import java.time.Instant;
import java.util.Map;

import io.fluxtail.ingest.IngestStatus;
import org.jspecify.annotations.Nullable;

/**
 * Shipping to Fluxtail.
 *
 * @param active whether events are shipped
 * @param inactiveReason why not, {@code null} when they are
 * @param destination where they go: the URL without credentials, query or user info
 * @param lastSuccess when the backend last accepted a batch, {@code null} before the first
 * @param queued events waiting to be sent
 * @param queueCapacity most events that may wait
 * @param sent events the backend accepted
 * @param retries batches sent again after a failure
 * @param dropped events not delivered, by reason
 */
public record IngestDescriptor(boolean active, @Nullable String inactiveReason, String destination,
		@Nullable Instant lastSuccess, int queued, int queueCapacity, long sent, long retries,
		Map<String, Long> dropped) {

	static IngestDescriptor of(IngestStatus status) {
		return new IngestDescriptor(status.active(), status.inactiveReason(), status.destination(),
				status.stats().lastSuccess(), status.queued(), status.queueCapacity(), status.stats().sent(),
				status.stats().retries(), status.stats().droppedByReason());
	}

}
