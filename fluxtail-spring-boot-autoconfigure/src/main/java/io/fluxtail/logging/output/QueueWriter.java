package io.fluxtail.logging.output;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import org.jspecify.annotations.Nullable;

/**
 * The one thread that writes queued events. It is not woken per event: while events keep coming it
 * looks at the queue every {@link #LINGER_NANOS}, so each pass writes every line gathered since
 * the last one with one flush; only after a quiet spell does it sleep until the next event wakes
 * it. Waking a thread per event costs more than writing the line.
 */
final class QueueWriter implements Runnable {

	/** Events taken from the queue per pass; the lines of a pass are flushed together. */
	static final int BATCH_SIZE = 1024;

	/** Pause between passes while events keep coming: the longest a line waits for its batch. */
	static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	/** Empty passes before the writer sleeps until an event wakes it. */
	private static final int QUIET_PASSES_BEFORE_SLEEP = 50;

	/**
	 * While the queue stays full, drops are reported at most this often, so that an overload adds
	 * one line a second rather than one per batch; once the writer has caught up they are reported
	 * at once.
	 */
	static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final QueuedAppender owner;

	private final BlockingQueue<ILoggingEvent> queue;

	private final AppenderAttachableImpl<ILoggingEvent> appenders;

	private final DropCounts drops;

	private final Logger reportLogger;

	private final Thread thread;

	private final AtomicBoolean sleeping = new AtomicBoolean();

	private volatile boolean stopping;

	/** Batches written so far; only this thread writes it. */
	private volatile long passes;

	/** {@link System#nanoTime()} past which a stopping writer gives up, valid once stopping. */
	private volatile long stopDeadline;

	private @Nullable Duration shutdownTimeout;

	private long lastReportNanos = System.nanoTime() - REPORT_INTERVAL_NANOS;

	QueueWriter(QueuedAppender owner, BlockingQueue<ILoggingEvent> queue, AppenderAttachableImpl<ILoggingEvent> appenders,
			DropCounts drops, Logger reportLogger) {
		this.owner = owner;
		this.queue = queue;
		this.appenders = appenders;
		this.drops = drops;
		this.reportLogger = reportLogger;
		this.thread = new Thread(this, "fluxtail-output");
		// never holds the JVM up; a graceful stop drains the queue through stop()
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	long passes() {
		return this.passes;
	}

	boolean isCurrentThread() {
		return Thread.currentThread() == this.thread;
	}

	/** Called by every caller after queueing: a volatile read unless the writer sleeps. */
	void wakeIfSleeping() {
		if (this.sleeping.get() && this.sleeping.compareAndSet(true, false)) {
			LockSupport.unpark(this.thread);
		}
	}

	/**
	 * Writes what is queued, then ends the thread.
	 * @param timeout how long writing may take; past it the count of what was left is written
	 * @return whether the writer finished in time
	 */
	boolean stop(Duration timeout) {
		this.shutdownTimeout = timeout;
		this.stopDeadline = System.nanoTime() + timeout.toNanos();
		this.stopping = true;
		LockSupport.unpark(this.thread);
		try {
			// a little longer than the timeout, for the line that counts what was left
			this.thread.join(timeout.toMillis() + 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !this.thread.isAlive();
	}

	@Override
	public void run() {
		List<ILoggingEvent> batch = new ArrayList<>(BATCH_SIZE);
		int quietPasses = 0;
		while (true) {
			try {
				reportDrops(false);
				if (this.queue.drainTo(batch, BATCH_SIZE) > 0) {
					quietPasses = 0;
					int written = write(batch);
					flush();
					this.passes++;
					if (written < batch.size()) {
						reportUnwritten(batch.subList(written, batch.size()));
						return;
					}
					batch.clear();
					continue;
				}
				reportDrops(true);
				if (this.stopping) {
					return;
				}
				quietPasses = pause(quietPasses);
			}
			catch (RuntimeException ex) {
				this.owner.addError("Failed to write queued log events", ex);
				batch.clear();
			}
		}
	}

	/**
	 * @return how many events of the batch were written, fewer when a stop ran out of time
	 */
	private int write(List<ILoggingEvent> batch) {
		for (int i = 0; i < batch.size(); i++) {
			if (this.stopping && System.nanoTime() - this.stopDeadline > 0) {
				return i;
			}
			this.appenders.appendLoopOnAppenders(batch.get(i));
		}
		return batch.size();
	}

	private int pause(int quietPasses) {
		if (quietPasses < QUIET_PASSES_BEFORE_SLEEP) {
			LockSupport.parkNanos(this, LINGER_NANOS);
			return quietPasses + 1;
		}
		this.sleeping.set(true);
		// a caller that queued after this check sees sleeping and wakes the thread
		if (this.queue.isEmpty() && !this.stopping) {
			LockSupport.park(this);
		}
		this.sleeping.set(false);
		return 0;
	}

	/**
	 * @param caughtUp whether the queue was found empty, so the report need not wait
	 */
	private void reportDrops(boolean caughtUp) {
		long now = System.nanoTime();
		if (!caughtUp && now - this.lastReportNanos < REPORT_INTERVAL_NANOS) {
			return;
		}
		DropReport report = this.drops.takeUnreported();
		if (report != null) {
			this.lastReportNanos = now;
			this.appenders.appendLoopOnAppenders(report.toEvent(this.reportLogger));
			flush();
		}
	}

	private void reportUnwritten(List<ILoggingEvent> left) {
		reportDrops(true);
		Map<Level, Long> counts = new LinkedHashMap<>();
		for (Level level : DropCounts.LEVELS) {
			counts.put(level, 0L);
		}
		left.forEach((event) -> counts.merge(event.getLevel(), 1L, Long::sum));
		List<ILoggingEvent> queued = new ArrayList<>();
		this.queue.drainTo(queued);
		queued.forEach((event) -> counts.merge(event.getLevel(), 1L, Long::sum));
		counts.values().removeIf((count) -> count == 0);
		Duration timeout = (this.shutdownTimeout != null) ? this.shutdownTimeout : Duration.ZERO;
		this.appenders.appendLoopOnAppenders(DropReport.unwritten(counts, timeout).toEvent(this.reportLogger));
		flush();
	}

	private void flush() {
		for (Iterator<Appender<ILoggingEvent>> it = this.appenders.iteratorForAppenders(); it.hasNext();) {
			if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
				try {
					appender.getOutputStream().flush();
				}
				catch (IOException ex) {
					this.owner.addError("Failed to flush " + appender.getName(), ex);
				}
			}
		}
	}

}
