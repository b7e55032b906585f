package io.fluxtail.logging.output;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import io.fluxtail.logging.batch.BatchExporter;
import io.fluxtail.logging.batch.DropReason;
import io.fluxtail.logging.batch.ExportControl;

/**
 * What the output queue's worker does with a batch: writes each event through the wrapped
 * appenders and flushes once, many whole lines per system call. Whatever one event's write throws,
 * {@link Error}s included, is reported and counted, and the next event is written. Between
 * batches it reports the events dropped while the queue was full; at a stop that runs out of time,
 * it counts what was left in one line.
 */
final class BatchWriter implements BatchExporter<ILoggingEvent> {

	/**
	 * While the queue stays full, drops are reported at most this often, so that an overload adds
	 * one line a second rather than one per batch; once the writer has caught up they are reported
	 * at once.
	 */
	static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final QueuedAppender owner;

	private final AppenderAttachableImpl<ILoggingEvent> appenders;

	private final DropCounts drops;

	private final Logger reportLogger;

	private final Duration stopTimeout;

	private long lastReportNanos = System.nanoTime() - REPORT_INTERVAL_NANOS;

	BatchWriter(QueuedAppender owner, AppenderAttachableImpl<ILoggingEvent> appenders, DropCounts drops,
			Logger reportLogger, Duration stopTimeout) {
		this.owner = owner;
		this.appenders = appenders;
		this.drops = drops;
		this.reportLogger = reportLogger;
		this.stopTimeout = stopTimeout;
	}

	/**
	 * A console batch is only written out when flushed, so the whole batch stays in flight until
	 * the flush returns.
	 */
	@Override
	public int export(List<ILoggingEvent> batch, ExportControl control) {
		int handled = 0;
		int failed = 0;
		for (; handled < batch.size() && !control.isPastStopDeadline(); handled++) {
			try {
				this.appenders.appendLoopOnAppenders(batch.get(handled));
			}
			catch (Throwable ex) {
				// the encoder writes a minimal line for what it cannot encode: this is an appender's own failure
				failed++;
				this.owner.addError("Failed to write a queued log event", ex);
			}
		}
		flush();
		// written events are not counted: nothing reads the count, and it would be one more write per batch
		control.dropped(DropReason.FAILED, failed);
		return handled;
	}

	/**
	 * @param caughtUp whether the queue was found empty, so the report need not wait
	 */
	@Override
	public void between(boolean caughtUp) {
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

	@Override
	public void left(List<ILoggingEvent> left) {
		between(true);
		DropReport report = DropReport.unwritten(countByLevel(left), this.stopTimeout);
		this.appenders.appendLoopOnAppenders(report.toEvent(this.reportLogger));
		flush();
	}

	@Override
	public void failed(Throwable failure) {
		// a failed flush or report: the lines of this batch may be lost, the next ones are not
		this.owner.addError("Failed to write queued log events", failure);
	}

	static Map<Level, Long> countByLevel(List<ILoggingEvent> events) {
		Map<Level, Long> counts = new LinkedHashMap<>();
		for (Level level : DropCounts.LEVELS) {
			counts.put(level, 0L);
		}
		events.forEach((event) -> counts.merge(event.getLevel(), 1L, Long::sum));
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
