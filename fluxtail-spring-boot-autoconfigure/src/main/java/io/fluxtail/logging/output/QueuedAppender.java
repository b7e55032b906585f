package io.fluxtail.logging.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
import io.fluxtail.logging.batch.BatchStats;
import io.fluxtail.logging.batch.BatchWorker;
import io.fluxtail.logging.batch.DropReason;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import org.jspecify.annotations.Nullable;

/**
 * Puts a bounded queue between the logging call and the appenders it wraps (Spring Boot's console
 * and file appenders). The caller fixes what it logged and enqueues the event; a {@link BatchWorker}
 * (the one the ingest runs on too) encodes and writes the queued events in batches through a
 * {@link BatchWriter}, many whole lines per system call, flushing once per batch.
 *
 * <p>
 * What the caller logged is fixed on the caller's thread by the Fluxtail encoder's
 * {@link FluxtailEncoder#capture capture}: key/value, structured argument and marker values are
 * read there, so a line says what was logged even when the application changes the value right
 * after the call, and a slow or failing value costs its caller, never the writer.
 *
 * <p>
 * When the queue is full, DEBUG and INFO events are dropped at once and WARN and ERROR events wait
 * up to {@link OutputSettings#maxBlock()} for room, then are dropped too (and until the writer
 * gets a batch out, the next ones are dropped without waiting). Every drop is counted per
 * level and reported in one WARN line as soon as the writer gets going again. Stopping the
 * appender (Spring Boot's shutdown) writes what is queued, within
 * {@link OutputSettings#stopTimeout()}; past it, one WARN line counts what was left. When the
 * output itself is blocked (a stdout nobody reads), the stop does not wait for it: that line goes
 * to stderr, and the wrapped appenders are left as they are, since stopping them would wait for the
 * blocked write.
 *
 * <p>
 * Should the writer thread ever end while the appender runs, the callers write their events
 * themselves, as without the queue, and {@link #isWriterRunning()} says so.
 *
 * <p>
 * The worker's queue is an {@code ArrayBlockingQueue}: with a writer that is not woken per event,
 * its short lock is cheaper on the caller's side than the alternatives measured (see
 * {@code docs/benchmarks.md}), and it needs no dependency.
 */
public final class QueuedAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
		implements AppenderAttachable<ILoggingEvent> {

	/** Name of the appender in Logback's configuration. */
	public static final String NAME = "FLUXTAIL_QUEUE";

	/** Names of the levels whose events a full queue drops (and counts), in report order. */
	public static final List<String> DROPPABLE_LEVELS = DropCounts.LEVEL_NAMES;

	private final OutputSettings settings;

	private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();

	private final DropCounts drops = new DropCounts();

	private final BatchStats stats = new BatchStats();

	private @Nullable BatchWorker<ILoggingEvent> worker;

	/** The encoder that fixes what callers logged, {@code null} when no Fluxtail encoder is attached. */
	private @Nullable FluxtailEncoder capturer;

	/** Set once the callers write their events themselves, because the writer thread ended. */
	private volatile boolean writingInCaller;

	/** The worker's batch count when a wait for room last timed out, -1 when none did. */
	private volatile long stalledAtPass = -1;

	/**
	 * Creates the appender; attach the appenders to write to, set the context, then start it.
	 * @param settings the queue's settings
	 */
	public QueuedAppender(OutputSettings settings) {
		this.settings = settings;
		setName(NAME);
	}

	@Override
	public void start() {
		if (!this.appenders.iteratorForAppenders().hasNext()) {
			addError("No appender attached to " + getName());
			return;
		}
		this.capturer = fluxtailEncoder();
		LoggerContext loggerContext = (LoggerContext) getContext();
		BatchWriter writer = new BatchWriter(this, this.appenders, this.drops,
				loggerContext.getLogger(DropReport.LOGGER), this.settings.stopTimeout());
		this.worker = new BatchWorker<>("fluxtail-output", this.settings.batch(), writer, this.stats, null);
		this.worker.start();
		super.start();
	}

	private @Nullable FluxtailEncoder fluxtailEncoder() {
		for (Iterator<Appender<ILoggingEvent>> it = this.appenders.iteratorForAppenders(); it.hasNext();) {
			if (it.next() instanceof OutputStreamAppender<ILoggingEvent> stream
					&& stream.getEncoder() instanceof FluxtailEncoder encoder) {
				return encoder;
			}
		}
		return null;
	}

	/**
	 * The caller's whole cost: the event's message, MDC and thread name are fixed now (Logback's
	 * own appenders do the same before encoding), and so are the values it logged, then it is
	 * queued.
	 */
	@Override
	protected void append(ILoggingEvent event) {
		BatchWorker<ILoggingEvent> worker = this.worker;
		if (worker == null) {
			return;
		}
		event.prepareForDeferredProcessing();
		if (worker.hasEnded()) {
			writeInCaller(event);
			return;
		}
		FluxtailEncoder capturer = this.capturer;
		ILoggingEvent queued = (capturer != null) ? capturer.capture(event) : event;
		boolean mayWait = queued.getLevel().isGreaterOrEqual(Level.WARN) && mayWait(worker);
		if (!(mayWait ? worker.offer(queued, this.settings.maxBlock()) : worker.offer(queued))) {
			if (mayWait) {
				this.stalledAtPass = worker.batches();
			}
			this.drops.dropped(queued.getLevel());
		}
	}

	/**
	 * The writer thread ended while the appender runs, which nothing should cause: rather than
	 * filling the queue for nobody, each caller writes its own event, as without the queue.
	 */
	private void writeInCaller(ILoggingEvent event) {
		if (!this.writingInCaller) {
			switchToCallers();
		}
		try {
			this.appenders.appendLoopOnAppenders(event);
		}
		catch (Throwable ex) {
			addError("Failed to write a log event", ex);
		}
	}

	/**
	 * The wrapped appenders write and flush each line again; what the writer left queued is written
	 * first, by the caller that finds it ended.
	 */
	private synchronized void switchToCallers() {
		if (this.writingInCaller) {
			return;
		}
		addError("The log output queue's writer thread has ended; the logging threads write their lines from now on");
		for (Iterator<Appender<ILoggingEvent>> it = this.appenders.iteratorForAppenders(); it.hasNext();) {
			writeSynchronously(it.next());
		}
		for (ILoggingEvent event : this.worker.takeQueued()) {
			try {
				this.appenders.appendLoopOnAppenders(event);
			}
			catch (Throwable ex) {
				addError("Failed to write a log event", ex);
			}
		}
		this.writingInCaller = true;
	}

	/**
	 * Once a wait has timed out, later events do not wait again until the writer has written a
	 * batch: a stalled output costs the callers one bound, not one per WARN.
	 */
	private boolean mayWait(BatchWorker<ILoggingEvent> worker) {
		return !worker.isWorkerThread() && worker.batches() != this.stalledAtPass;
	}

	/**
	 * Writes what is queued within the shutdown timeout, then stops the wrapped appenders, unless
	 * the output is blocked: stopping them would wait for the blocked write.
	 */
	@Override
	public void stop() {
		if (!isStarted()) {
			return;
		}
		super.stop();
		if (drain()) {
			this.appenders.detachAndStopAllAppenders();
		}
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

	/**
	 * @return whether the writer finished; when not, its write is blocked and what it left is
	 * counted in one line on stderr
	 */
	private boolean drain() {
		BatchWorker<ILoggingEvent> worker = this.worker;
		if (worker == null || worker.stop()) {
			return true;
		}
		BatchWorker.Left<ILoggingEvent> left = worker.abandon();
		if (left != null) {
			DropReport report = DropReport.blocked(BatchWriter.countByLevel(left.queued()), left.inFlight(),
					this.settings.stopTimeout());
			reportOnStandardError(report.toEvent(((LoggerContext) getContext()).getLogger(DropReport.LOGGER)));
		}
		return false;
	}

	/**
	 * stdout is what is blocked (or whatever the wrapped appender writes to), so the final count
	 * goes to stderr, encoded like every line. stderr may be blocked too: the line is written by a
	 * thread of its own, waited for {@link BatchWorker#STOP_GRACE} at most.
	 */
	private void reportOnStandardError(ILoggingEvent report) {
		byte[] line;
		try {
			line = encoded(report);
		}
		catch (Throwable ex) {
			line = (report.getFormattedMessage() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
		}
		byte[] bytes = line;
		Thread reporter = new Thread(() -> {
			System.err.write(bytes, 0, bytes.length);
			System.err.flush();
		}, "fluxtail-output-report");
		reporter.setDaemon(true);
		reporter.start();
		try {
			reporter.join(BatchWorker.STOP_GRACE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private byte[] encoded(ILoggingEvent event) {
		for (Iterator<Appender<ILoggingEvent>> it = this.appenders.iteratorForAppenders(); it.hasNext();) {
			if (it.next() instanceof OutputStreamAppender<ILoggingEvent> stream && stream.getEncoder() != null) {
				return stream.getEncoder().encode(event);
			}
		}
		return (event.getFormattedMessage() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
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
		BatchWorker<ILoggingEvent> worker = this.worker;
		return (worker != null) ? worker.queued() : 0;
	}

	/**
	 * Returns how many events the writer has taken from the queue and not written out yet: the
	 * batch it is writing, until its flush returns.
	 * @return the events in flight
	 */
	public int inFlight() {
		BatchWorker<ILoggingEvent> worker = this.worker;
		return (worker != null) ? worker.inFlight() : 0;
	}

	/**
	 * Returns how many events a stop left unwritten because it ran out of time.
	 * @return the unwritten events
	 */
	public long unwrittenAtStop() {
		return this.stats.dropped(DropReason.SHUTDOWN);
	}

	/**
	 * Returns how many events a wrapped appender threw on (the encoder itself writes a minimal line
	 * rather than throw).
	 * @return the events that failed to be written
	 */
	public long failedWrites() {
		return this.stats.dropped(DropReason.FAILED);
	}

	/**
	 * Whether the writer thread runs, as it does from start to stop; when it has ended while the
	 * appender runs, the logging threads write their own lines.
	 * @return whether the writer thread runs
	 */
	public boolean isWriterRunning() {
		BatchWorker<ILoggingEvent> worker = this.worker;
		return worker != null && !worker.hasEnded();
	}

	/**
	 * Returns the events dropped because the queue was full since start, by level.
	 * @return dropped events by level name, levels without drops left out
	 */
	public Map<String, Long> droppedByLevel() {
		return this.drops.byLevel();
	}

	/**
	 * Returns the events of one level dropped because the queue was full since start.
	 * @param level a level name of {@link #DROPPABLE_LEVELS}
	 * @return the number of dropped events of that level
	 */
	public long dropped(String level) {
		return this.drops.dropped(level);
	}

	/**
	 * Returns the worker's counters: events written, and dropped by reason.
	 * @return the counters
	 */
	public BatchStats stats() {
		return this.stats;
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
