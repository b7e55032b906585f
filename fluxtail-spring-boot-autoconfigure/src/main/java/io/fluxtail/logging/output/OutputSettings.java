package io.fluxtail.logging.output;

import java.time.Duration;

/**
 * How queue-backed output behaves.
 *
 * @param queueCapacity how many events the queue holds before it is full
 * @param maxBlock how long a WARN or ERROR event waits for room in a full queue before it is
 * dropped; DEBUG and INFO events never wait
 * @param shutdownTimeout how long a graceful stop may take to write what is still queued
 */
public record OutputSettings(int queueCapacity, Duration maxBlock, Duration shutdownTimeout) {

	/**
	 * Checks the values.
	 * @throws IllegalArgumentException when the capacity is not positive or a duration is negative
	 */
	public OutputSettings {
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("the queue capacity must be at least 1");
		}
		if (maxBlock.isNegative() || shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("durations must not be negative");
		}
	}

}
