package io.fluxtail.logging.output;

import java.time.Duration;

import io.fluxtail.logging.batch.BatchSettings;

/**
 * How queue-backed output behaves.
 *
 * @param queueCapacity how many events the queue holds before it is full
 * @param maxBlock how long a WARN or ERROR event waits for room in a full queue before it is
 * dropped; DEBUG and INFO events never wait
 * @param stopTimeout how long a graceful stop may take to write what is still queued
 */
public record OutputSettings(int queueCapacity, Duration maxBlock, Duration stopTimeout) {

	/** Events written per batch; the lines of a batch are flushed together. */
	static final int MAX_BATCH_SIZE = 1024;

	/**
	 * Longest wait of a line for its batch. With a batch per tick, the writer woke and wrote about a
	 * thousand times a second at any load: at 3,000 requests per second that cost 11 µs per request
	 * against 3 µs saturated (benchmarks/cpu-per-request, 2026-12-07).
	 */
	static final Duration LINGER = Duration.ofMillis(10);

	/**
	 * Checks the values.
	 * @throws IllegalArgumentException when the capacity is not positive or a duration is negative
	 */
	public OutputSettings {
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("the queue capacity must be at least 1");
		}
		if (maxBlock.isNegative() || stopTimeout.isNegative()) {
			throw new IllegalArgumentException("durations must not be negative");
		}
	}

	/**
	 * The worker's settings: a partial batch waits up to {@link #LINGER} for more lines, so that the
	 * writer's cost per line (a write and a flush per batch) does not grow as the load falls.
	 */
	BatchSettings batch() {
		return new BatchSettings(this.queueCapacity, Long.MAX_VALUE, Math.min(MAX_BATCH_SIZE, this.queueCapacity),
				LINGER, this.stopTimeout);
	}

}
