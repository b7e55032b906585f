package io.fluxtail.logging.output;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import org.jspecify.annotations.Nullable;

/**
 * Puts a bounded queue between the logging call and the appenders it wraps (Spring Boot's console
 * and file appenders). The caller only enqueues the event; one writer thread encodes and writes
 * the queued events in batches, many whole lines per system call, flushing once per batch.
 *
 * <p>
 * When the queue is full, DEBUG and INFO events are dropped at once and WARN and ERROR events wait
 * up to {@link OutputSettings#maxBlock()} for room, then are dropped too (and until the writer
 * gets a batch out, the next ones are dropped without waiting). Every drop is counted per
 * level and reported in one WARN line as soon as the writer gets going again. Stopping the
 * appender (Spring Boot's shutdown) writes what is queued, within
 * {@link OutputSettings#shutdownTimeout()}.
 *
 * <p>
 * The queue is an {@link ArrayBlockingQueue}: with a writer that is not woken per event, its
 * short lock is cheaper on the caller's side than the alternatives measured (see
 * {@code docs/benchmarks.md}), and it needs no dependency.
 */
public final class QueuedAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
		implements AppenderAttachable<ILoggingEvent> {

	/** Name of the appender in Logback's configuration. */
	public static final String NAME = "FLUXTAIL_QUEUE";

	private final OutputSettings settings;

	private final ArrayBlockingQueue<ILoggingEvent> queue;

	private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();

	private final DropCounts drops = new DropCounts();

	private @Nullable QueueWriter writer;

	/** The writer's pass count when a wait for room last timed out, -1 when none did. */
	private volatile long stalledAtPass = -1;

	/**
	 * Creates the appender; attach the appenders to write to, set the context, then start it.
	 * @param settings the queue's settings
	 */
	public QueuedAppender(OutputSettings settings) {
		this.settings = settings;
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		setName(NAME);
	}

	@Override
	public void start() {
		if (!this.appenders.iteratorForAppenders().hasNext()) {
			addError("No appender attached to " + getName());
			return;
		}
		LoggerContext loggerContext = (LoggerContext) getContext();
		this.writer = new QueueWriter(this, this.queue, this.appenders, this.drops,
				loggerContext.getLogger(DropReport.LOGGER));
		this.writer.start();
		super.start();
	}

	/**
	 * The caller's whole cost: the event's message, MDC and thread name are fixed now (Logback's
	 * own appenders do the same before encoding), then it is queued.
	 */
	@Override
	protected void append(ILoggingEvent event) {
		QueueWriter writer = this.writer;
		if (writer == null) {
			return;
		}
		event.prepareForDeferredProcessing();
		if (this.queue.offer(event)) {
			writer.wakeIfSleeping();
			return;
		}
		writer.wakeIfSleeping();
		if (event.getLevel().isGreaterOrEqual(Level.WARN) && mayWait(writer)) {
			if (waitForRoom(event)) {
				return;
			}
			this.stalledAtPass = writer.passes();
		}
		this.drops.dropped(event.getLevel());
	}

	/**
	 * Once a wait has timed out, later events do not wait again until the writer has written a
	 * batch: a stalled output costs the callers one bound, not one per WARN.
	 */
	private boolean mayWait(QueueWriter writer) {
		return !writer.isCurrentThread() && writer.passes() != this.stalledAtPass;
	}

	private boolean waitForRoom(ILoggingEvent event) {
		try {
			return this.queue.offer(event, this.settings.maxBlock().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Writes what is queued within the shutdown timeout, then stops the wrapped appenders.
	 */
	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		super.stop();
		drain();
		this.appenders.detachAndStopAllAppenders();
	}

	/**
	 * Writes what is queued, then gives the wrapped appenders back, writing synchronously again, so
	 * that another configuration can take their place.
	 * @return the appenders, still started
	 */
	public List<Appender<ILoggingEvent>> release() {
		super.stop();
		drain();
		List<Appender<ILoggingEvent>> released = new ArrayList<>();
		for (Iterator<Appender<ILoggingEvent>> it = this.appenders.iteratorForAppenders(); it.hasNext();) {
			released.add(it.next());
		}
		released.forEach(this.appenders::detachAppender);
		released.forEach(QueuedAppender::writeSynchronously);
		return released;
	}

	private void drain() {
		QueueWriter writer = this.writer;
		if (writer != null && !writer.stop(this.settings.shutdownTimeout())) {
			addWarn("The log output queue's writer did not finish within " + this.settings.shutdownTimeout()
					+ "; events still queued: " + this.queue.size());
		}
	}

	/**
	 * Attaches an appender: from now on only the writer thread uses it, which flushes once per
	 * batch instead of once per line.
	 */
	@Override
	public void addAppender(Appender<ILoggingEvent> appender) {
		if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
			stream.setImmediateFlush(false);
			if (stream instanceof ConsoleAppender<ILoggingEvent> console) {
				console.setOutputStream(new ConsoleBatchStream(ConsoleTarget.SystemErr.getName().equals(console.getTarget())));
			}
		}
		this.appenders.addAppender(appender);
	}

	private static void writeSynchronously(Appender<ILoggingEvent> appender) {
		if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
			stream.setImmediateFlush(true);
			if (stream instanceof ConsoleAppender<ILoggingEvent> console) {
				console.setOutputStream(ConsoleTarget.findByName(console.getTarget()).getStream());
			}
		}
	}

	/**
	 * Returns how many events the queue holds.
	 * @return the capacity
	 */
	public int capacity() {
		return this.settings.queueCapacity();
	}

	/**
	 * Returns how many events are waiting to be written.
	 * @return the number of queued events
	 */
	public int size() {
		return this.queue.size();
	}

	/**
	 * Returns the events dropped because the queue was full.
	 * @return the drop counts
	 */
	public DropCounts drops() {
		return this.drops;
	}

	@Override
	public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
		return this.appenders.iteratorForAppenders();
	}

	@Override
	public @Nullable Appender<ILoggingEvent> getAppender(String name) {
		return this.appenders.getAppender(name);
	}

	@Override
	public boolean isAttached(Appender<ILoggingEvent> appender) {
		return this.appenders.isAttached(appender);
	}

	@Override
	public void detachAndStopAllAppenders() {
		this.appenders.detachAndStopAllAppenders();
	}

	@Override
	public boolean detachAppender(Appender<ILoggingEvent> appender) {
		return this.appenders.detachAppender(appender);
	}

	@Override
	public boolean detachAppender(String name) {
		return this.appenders.detachAppender(name);
	}

}
