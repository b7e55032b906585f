package io.fluxtail.ingest;

import java.time.Duration;

/**
 * How events are batched and delivered.
 *
 * @param queueCapacity most events waiting to be sent; more are dropped, never waited for
 * @param queueMaxBytes most characters of message, attributes and labels waiting to be sent
 * @param batchSize most events in one request
 * @param flushInterval longest time an event waits for its batch to fill
 * @param initialBackoff wait before the first retry, doubled per retry, with jitter
 * @param maxBackoff longest wait between two retries, unless the backend asks for longer
 * @param retryBudget longest time one batch is retried before it is dropped
 * @param stopTimeout longest time a graceful stop spends delivering what is queued
 */
public record DeliverySettings(int queueCapacity, long queueMaxBytes, int batchSize, Duration flushInterval,
		Duration initialBackoff, Duration maxBackoff, Duration retryBudget, Duration stopTimeout) {

	/**
	 * Checks the bounds.
	 * @throws IllegalArgumentException when a bound is not positive or a batch exceeds the queue
	 */
	public DeliverySettings {
		if (queueCapacity < 1 || batchSize < 1 || batchSize > queueCapacity || queueMaxBytes < 1) {
			throw new IllegalArgumentException("batch size and queue capacity must be positive, batch size at most the queue capacity");
		}
	}

}
