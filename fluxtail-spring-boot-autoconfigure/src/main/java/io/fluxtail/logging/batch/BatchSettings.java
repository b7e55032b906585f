package io.fluxtail.logging.batch;

import java.time.Duration;

/**
 * How a {@link BatchWorker} queues and batches.
 *
 * @param queueCapacity most items waiting; more are dropped and counted
 * @param queueMaxBytes most bytes of items waiting, as the worker's weigher measures them; more are
 * dropped and counted ({@link Long#MAX_VALUE} when only items are bounded)
 * @param maxBatchSize most items handed to the exporter at once
 * @param flushInterval longest time the first waiting item waits for its batch to fill
 * @param stopTimeout longest time a stop spends exporting what is queued
 */
public record BatchSettings(int queueCapacity, long queueMaxBytes, int maxBatchSize, Duration flushInterval,
		Duration stopTimeout) {

	/**
	 * Checks the bounds.
	 * @throws IllegalArgumentException when a bound is not positive, a batch exceeds the queue or a
	 * duration is negative
	 */
	public BatchSettings {
		if (queueCapacity < 1 || maxBatchSize < 1 || maxBatchSize > queueCapacity || queueMaxBytes < 1) {
			throw new IllegalArgumentException(
					"max batch size and queue capacity must be positive, max batch size at most the queue capacity");
		}
		if (flushInterval.isNegative() || stopTimeout.isNegative()) {
			throw new IllegalArgumentException("durations must not be negative");
		}
	}

}
