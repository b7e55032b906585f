package io.fluxtail.ingest;

import io.fluxtail.logging.batch.BatchStats;
import org.jspecify.annotations.Nullable;

/**
 * Shipping at one moment.
 *
 * @param active whether events are shipped
 * @param inactiveReason why not, {@code null} when they are
 * @param destination where they go, without credentials
 * @param queued events waiting to be sent
 * @param inFlight events of the batch being sent or waiting for its retry
 * @param queueCapacity most events that may wait
 * @param stats the counters
 */
record IngestStatus(boolean active, @Nullable String inactiveReason, String destination, int queued,
		int inFlight, int queueCapacity, BatchStats stats) {

}
