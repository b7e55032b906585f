package io.fluxtail.ingest;

import java.time.Duration;

import io.fluxtail.logging.batch.BatchSettings;

/**
 * How events are batched and delivered.
 *
 * @param batch the queue and its batches: most events and characters waiting, most events in one
 * request, longest wait of an event for its batch, longest stop
 * @param initialBackoff wait before the first retry, doubled per retry, with jitter
 * @param maxBackoff longest wait between two retries, unless the backend asks for longer
 * @param retryBudget longest time one batch is retried before it is dropped
 */
record DeliverySettings(BatchSettings batch, Duration initialBackoff, Duration maxBackoff,
		Duration retryBudget) {

	/**
	 * Creates settings from each bound.
	 * @param queueCapacity most events waiting to be sent; more are dropped, never waited for
	 * @param queueMaxBytes most characters of message, attributes and labels waiting to be sent
	 * @param maxBatchSize most events in one request
	 * @param flushInterval longest time an event waits for its batch to fill
	 * @param initialBackoff wait before the first retry
	 * @param maxBackoff longest wait between two retries
	 * @param retryBudget longest time one batch is retried
	 * @param stopTimeout longest time a graceful stop spends delivering what is queued
	 * @throws IllegalArgumentException when a bound is not positive or a batch exceeds the queue
	 */
	public DeliverySettings(int queueCapacity, long queueMaxBytes, int maxBatchSize, Duration flushInterval,
			Duration initialBackoff, Duration maxBackoff, Duration retryBudget, Duration stopTimeout) {
		this(new BatchSettings(queueCapacity, queueMaxBytes, maxBatchSize, flushInterval, stopTimeout), initialBackoff,
				maxBackoff, retryBudget);
	}

}
