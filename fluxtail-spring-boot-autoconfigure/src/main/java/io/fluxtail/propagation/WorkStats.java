package io.fluxtail.propagation;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of units of work that are not HTTP requests (job runs, consumed records), since start.
 */
public final class WorkStats {

	private final LongAdder started = new LongAdder();

	private final LongAdder failed = new LongAdder();

	void recordStart() {
		this.started.increment();
	}

	void recordFailure() {
		this.failed.increment();
	}

	/**
	 * Returns the number of units of work started.
	 * @return the count
	 */
	public long started() {
		return this.started.sum();
	}

	/**
	 * Returns the number of units of work that threw.
	 * @return the count
	 */
	public long failed() {
		return this.failed.sum();
	}

}
