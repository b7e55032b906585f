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
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>
 * It ends only when stopped: whatever one event's write throws, {@link Error}s included, is
 * reported and counted, and the next event is written. Should it end all the same,
 * {@link #hasEnded()} says so and the appender writes in the callers.
 */
final class QueueWriter implements Runnable {

	/** Events taken from the queue per pass; the lines of a pass are flushed together. */
	static final int BATCH_SIZE = 1024;

	/** Pause between passes while events keep coming: the longest a line waits for its batch. */
	static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	/** How long past the shutdown timeout a stop waits for the writer's own final line. */
	static final Duration REPORT_GRACE = Duration.ofMillis(500);

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

	/**
	 * Events of the batch being written, until its flush returns: a console batch is only written
	 * out when flushed, so none of them is known to be out before. Only this thread writes it.
	 */
	private final AtomicInteger inFlight = new AtomicInteger();

	/** Taken by whoever writes the final count of what a stop left unwritten: this thread or the stop. */
	private final AtomicBoolean finalReport = new AtomicBoolean();

	private volatile boolean stopping;

	private volatile boolean ended;

	/** Batches written so far; only this thread writes it. */
	private volatile long passes;

	/** Events an appender threw on; only this thread writes it. */
	private volatile long failedWrites;

	/** Events a stop left unwritten. */
	private volatile long unwrittenAtStop;

	/** {@link System#nanoTime()} past which a stopping writer gives up, valid once stopping. */
	private volatile long stopDeadline;

	private volatile Duration shutdownTimeout = Duration.ZERO;

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

	/**
	 * Returns the events of the batch being written, until its flush returns.
	 * @return the events in flight
	 */
	int inFlight() {
		return this.inFlight.get();
	}

	long failedWrites() {
		return this.failedWrites;
	}

	long unwrittenAtStop() {
		return this.unwrittenAtStop;
	}

	/**
	 * Whether the thread has ended: after a stop, or (which nothing should cause) while the
	 * appender still runs.
	 * @return whether the thread has ended
	 */
	boolean hasEnded() {
		return this.ended;
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
	 * @return whether the writer finished in time; when not, it is blocked in a write and
	 * {@link #abandon()} counts what it left
	 */
	boolean stop(Duration timeout) {
		this.shutdownTimeout = timeout;
		this.stopDeadline = System.nanoTime() + timeout.toNanos();
		this.stopping = true;
		LockSupport.unpark(this.thread);
		try {
			// a little longer than the timeout, for the line that counts what was left
			this.thread.join(timeout.toMillis() + REPORT_GRACE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !this.thread.isAlive();
	}

	/**
	 * Counts what a writer blocked past its stop leaves unwritten: what is still queued (taken
	 * from the queue now, by level) and the batch it was writing. Should the write return later,
	 * the writer writes nothing more.
	 * @return the final report, {@code null} when the writer has written its own
	 */
	@Nullable DropReport abandon() {
		if (!this.finalReport.compareAndSet(false, true)) {
			return null;
		}
		Map<Level, Long> counts = countByLevel(List.of());
		int inFlight = this.inFlight.get();
		this.unwrittenAtStop = counts.values().stream().mapToLong(Long::longValue).sum() + inFlight;
		return DropReport.blocked(counts, inFlight, this.shutdownTimeout);
	}

	@Override
	public void run() {
		try {
			writeUntilStopped();
		}
		finally {
			this.ended = true;
		}
	}

	private void writeUntilStopped() {
		List<ILoggingEvent> batch = new ArrayList<>(BATCH_SIZE);
		int quietPasses = 0;
		while (true) {
			try {
				reportDrops(false);
				if (this.queue.drainTo(batch, BATCH_SIZE) > 0) {
					quietPasses = 0;
					this.inFlight.lazySet(batch.size());
					int written = write(batch);
					flush();
					this.inFlight.lazySet(0);
					this.passes++;
					if (written < batch.size()) {
						reportUnwritten(batch.subList(written, batch.size()));
						return;
					}
					batch.clear();
					continue;
				}
				reportDrops(true);
				// events queued between the empty drain above and the stop are still written: the
				// stop is set after them, so once it is seen they are in the queue
				if (this.stopping && this.queue.isEmpty()) {
					return;
				}
				if (!this.stopping) {
					quietPasses = pause(quietPasses);
				}
			}
			catch (Throwable ex) {
				// a failed flush or report: the lines of this pass may be lost, the next ones are not
				this.owner.addError("Failed to write queued log events", ex);
				batch.clear();
				this.inFlight.lazySet(0);
			}
		}
	}

	/**
	 * @return how many events of the batch were handled, fewer when a stop ran out of time
	 */
	private int write(List<ILoggingEvent> batch) {
		for (int i = 0; i < batch.size(); i++) {
			if (this.stopping && System.nanoTime() - this.stopDeadline > 0) {
				return i;
			}
			try {
				this.appenders.appendLoopOnAppenders(batch.get(i));
			}
			catch (Throwable ex) {
				// the encoder writes a minimal line for what it cannot encode: this is an appender's own failure
				this.failedWrites++;
				this.owner.addError("Failed to write a queued log event", ex);
			}
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
		if (!this.finalReport.compareAndSet(false, true)) {
			// the stop gave up on this thread and has counted what was left
			return;
		}
		reportDrops(true);
		Map<Level, Long> counts = countByLevel(left);
		this.unwrittenAtStop = counts.values().stream().mapToLong(Long::longValue).sum();
		this.inFlight.lazySet(0);
		DropReport report = DropReport.unwritten(counts, this.shutdownTimeout);
		this.appenders.appendLoopOnAppenders(report.toEvent(this.reportLogger));
		flush();
	}

	/**
	 * Counts the given events and what is still queued (taking it from the queue) by level.
	 */
	private Map<Level, Long> countByLevel(List<ILoggingEvent> left) {
		Map<Level, Long> counts = new LinkedHashMap<>();
		for (Level level : DropCounts.LEVELS) {
			counts.put(level, 0L);
		}
		left.forEach((event) -> counts.merge(event.getLevel(), 1L, Long::sum));
		List<ILoggingEvent> queued = new ArrayList<>();
		this.queue.drainTo(queued);
		queued.forEach((event) -> counts.merge(event.getLevel(), 1L, Long::sum));
		counts.values().removeIf((count) -> count == 0);
		return counts;
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
