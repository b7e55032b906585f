package io.fluxtail.logging.batch;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What an exporter sees of its worker: whether a stop is under way and its deadline, and the
 * counters. A stop that runs out of time takes, under the same lock as the counts, what the batch
 * under way has not counted yet, and later counts of that batch are ignored: every item is counted
 * once, however the export and the stop interleave.
 */
public final class ExportControl {

	private final BatchStats stats;

	/** Cuts a retry's wait short when a stop is requested. */
	private final CountDownLatch stopRequested = new CountDownLatch(1);

	/** Read by every caller that queues: one volatile read, not the latch's. */
	private volatile boolean stopping;

	private volatile long stopDeadline;

	private volatile boolean abandoned;

	/** Items of the batch under export not counted yet. */
	private int uncounted;

	ExportControl(BatchStats stats) {
		this.stats = stats;
	}

	void requestStop(long deadlineNanos) {
		this.stopDeadline = deadlineNanos;
		this.stopping = true;
		this.stopRequested.countDown();
	}

	synchronized void begin(int items) {
		this.uncounted = items;
	}

	/**
	 * Stops every later count and takes what the batch under export has not counted.
	 * @return the items of that batch not counted by the export
	 */
	synchronized int abandon() {
		this.abandoned = true;
		int left = this.uncounted;
		this.uncounted = 0;
		return left;
	}

	boolean isAbandoned() {
		return this.abandoned;
	}

	/**
	 * Whether a stop was requested.
	 * @return whether the worker is stopping
	 */
	public boolean isStopping() {
		return this.stopping;
	}

	/**
	 * Whether a stop was requested and its timeout has passed: nothing more should go out.
	 * @return whether the stop's deadline has passed
	 */
	public boolean isPastStopDeadline() {
		return isStopping() && System.nanoTime() - this.stopDeadline >= 0;
	}

	/**
	 * Returns the {@link System#nanoTime()} past which a stop gives up, valid once stopping.
	 * @return the deadline
	 */
	public long stopDeadline() {
		return this.stopDeadline;
	}

	/**
	 * Waits before a retry. A stop requested meanwhile cuts the wait short, so that what is queued
	 * is tried once more within the stop timeout; once stopping, the whole wait is slept.
	 * @param nanos how long to wait
	 * @throws InterruptedException when a stop that ran out of time abandons the export
	 */
	public void pause(long nanos) throws InterruptedException {
		if (isStopping()) {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		else {
			this.stopRequested.await(nanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Counts items the destination took.
	 * @param items how many
	 */
	public synchronized void exported(int items) {
		if (!this.abandoned && items > 0) {
			this.stats.exported(items, Instant.now());
			this.uncounted = Math.max(0, this.uncounted - items);
		}
	}

	/**
	 * Counts a batch handed on again after a failure.
	 */
	public void retried() {
		this.stats.retried();
	}

	/**
	 * Counts items that will never go out.
	 * @param reason why
	 * @param items how many
	 */
	public synchronized void dropped(DropReason reason, int items) {
		if (!this.abandoned) {
			this.stats.dropped(reason, items);
			this.uncounted = Math.max(0, this.uncounted - items);
		}
	}

}
