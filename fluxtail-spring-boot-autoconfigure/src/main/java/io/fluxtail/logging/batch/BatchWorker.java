package io.fluxtail.logging.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * A bounded queue and the one daemon thread that hands its items to a {@link BatchExporter} in
 * batches, as OpenTelemetry's {@code BatchLogRecordProcessor} does: the log output queue and the
 * ingest both run on it.
 *
 * <p>
 * Callers never block unless they ask to: {@link #offer(Object)} queues or drops and counts. The
 * thread is not woken per item: it takes a batch once a whole one is waiting or the first waiting
 * item has waited the flush interval, looking at a partial batch every {@link #LINGER_STEP} at most
 * and at an empty queue every {@link #TICK}; after a quiet spell it sleeps until the next item
 * wakes it. Waking a thread per item costs more than writing a line.
 *
 * <p>
 * {@link #stop()} exports what is queued within the stop timeout; what is left then is counted as
 * {@link DropReason#SHUTDOWN} and handed to {@link BatchExporter#left}. A thread still blocked in an
 * export a grace period later is abandoned: interrupted, its exporter aborted, and what it held
 * counted by {@link #abandon()}. Whatever an export throws costs that batch only; should the thread
 * end all the same, {@link #hasEnded()} says so and the queue is left to the owner.
 *
 * @param <T> the type of the items
 */
public final class BatchWorker<T> {

	/** How often a busy worker looks at the queue: the shortest wait of an item for its batch. */
	public static final Duration TICK = Duration.ofMillis(1);

	/** How long past the stop timeout a stop waits for the worker's own last words. */
	public static final Duration STOP_GRACE = Duration.ofMillis(500);

	/** Longest wait between two looks at a partial batch that lingers. */
	public static final Duration LINGER_STEP = Duration.ofMillis(10);

	/** Empty looks at the queue before the worker sleeps until an item wakes it. */
	private static final int QUIET_TICKS_BEFORE_SLEEP = 50;

	private static final long TICK_NANOS = TICK.toNanos();

	private static final long LINGER_STEP_NANOS = LINGER_STEP.toNanos();

	private final BatchSettings settings;

	private final BatchExporter<T> exporter;

	private final BatchStats stats;

	private final ExportControl control;

	private final ArrayBlockingQueue<T> queue;

	/** Measures an item against {@link BatchSettings#queueMaxBytes()}; {@code null} when only items count. */
	private final @Nullable ToLongFunction<T> weigher;

	private final AtomicLong queuedBytes = new AtomicLong();

	private final Thread thread;

	private final AtomicBoolean sleeping = new AtomicBoolean();

	/** Items of the batch under way: out of the queue, not yet handed on. */
	private final AtomicInteger inFlight = new AtomicInteger();

	/** Taken by whoever counts what a stop left: the worker's thread, or a stop that gave up on it. */
	private final AtomicBoolean leftCounted = new AtomicBoolean();

	private volatile boolean ended;

	/** Batches exported so far; only the worker's thread writes it. */
	private volatile long batches;

	private final long flushIntervalNanos;

	/** Whether a partial batch waits for more, since {@link #lingeringSince}; only the worker's thread uses them. */
	private boolean lingering;

	private long lingeringSince;

	/**
	 * Creates a worker; {@link #start()} starts its thread.
	 * @param name the thread's name
	 * @param settings bounds and timings
	 * @param exporter what to do with a batch
	 * @param stats where the worker and its exporter count
	 * @param weigher the bytes an item holds, {@code null} when only items are bounded
	 */
	public BatchWorker(String name, BatchSettings settings, BatchExporter<T> exporter, BatchStats stats,
			@Nullable ToLongFunction<T> weigher) {
		this.settings = settings;
		this.flushIntervalNanos = settings.flushInterval().toNanos();
		this.exporter = exporter;
		this.stats = stats;
		this.control = new ExportControl(stats);
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.weigher = weigher;
		this.thread = new Thread(this::run, name);
		// never holds the JVM up; a graceful stop exports the queue through stop()
		this.thread.setDaemon(true);
	}

	/**
	 * Starts the worker's thread.
	 */
	public void start() {
		this.thread.start();
	}

	/**
	 * Queues an item without waiting, or drops and counts it when the queue is full or stopping.
	 * @param item the item
	 * @return whether it was queued
	 */
	public boolean offer(T item) {
		if (enqueue(item)) {
			wakeIfSleeping();
			return true;
		}
		return dropped();
	}

	/**
	 * Queues an item, waiting up to a bound for room, or drops and counts it.
	 * @param item the item
	 * @param wait longest wait for room
	 * @return whether it was queued
	 */
	public boolean offer(T item, Duration wait) {
		if (enqueue(item)) {
			wakeIfSleeping();
			return true;
		}
		wakeIfSleeping();
		try {
			if (this.weigher == null && !this.control.isStopping()
					&& this.queue.offer(item, wait.toNanos(), TimeUnit.NANOSECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return dropped();
	}

	private boolean enqueue(T item) {
		if (this.control.isStopping()) {
			return false;
		}
		if (this.weigher == null) {
			return this.queue.offer(item);
		}
		long bytes = this.weigher.applyAsLong(item);
		if (this.queuedBytes.addAndGet(bytes) > this.settings.queueMaxBytes() || !this.queue.offer(item)) {
			this.queuedBytes.addAndGet(-bytes);
			return false;
		}
		return true;
	}

	private boolean dropped() {
		this.stats.dropped(this.control.isStopping() ? DropReason.SHUTDOWN : DropReason.QUEUE_FULL, 1);
		return false;
	}

	/** A volatile read per item, unless the worker sleeps. */
	private void wakeIfSleeping() {
		if (this.sleeping.get() && this.sleeping.compareAndSet(true, false)) {
			LockSupport.unpark(this.thread);
		}
	}

	/**
	 * Exports what is queued within the stop timeout, then ends the thread; past the timeout what is
	 * left is counted and handed to the exporter.
	 * @return whether the thread ended in time; when not, it is blocked in an export and
	 * {@link #abandon()} counts what it holds
	 */
	public boolean stop() {
		if (!this.control.isStopping()) {
			this.control.requestStop(System.nanoTime() + this.settings.stopTimeout().toNanos());
			LockSupport.unpark(this.thread);
		}
		if (this.thread.getState() == Thread.State.NEW) {
			return true;
		}
		try {
			this.thread.join(this.settings.stopTimeout().toMillis() + STOP_GRACE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !this.thread.isAlive();
	}

	/**
	 * Gives up on a thread blocked past its stop: interrupts it, aborts its exporter and counts
	 * what is queued (taken from the queue) and the batch it holds as {@link DropReason#SHUTDOWN}.
	 * Should the export return later, nothing more goes out and nothing more is counted.
	 * @return what was left, {@code null} when the worker's thread has counted it itself
	 */
	public @Nullable Left<T> abandon() {
		if (!this.leftCounted.compareAndSet(false, true)) {
			return null;
		}
		int held = this.control.abandon();
		this.thread.interrupt();
		this.exporter.abort();
		List<T> queued = takeQueued();
		this.stats.dropped(DropReason.SHUTDOWN, queued.size() + (long) held);
		return new Left<>(queued, held);
	}

	/**
	 * Takes what is queued, for an owner whose worker has ended while it runs.
	 * @return the items, oldest first
	 */
	public List<T> takeQueued() {
		List<T> queued = new ArrayList<>();
		this.queue.drainTo(queued);
		if (this.weigher != null) {
			this.queuedBytes.set(0);
		}
		return queued;
	}

	private void run() {
		List<T> batch = new ArrayList<>(this.settings.maxBatchSize());
		List<T> left = List.of();
		try {
			left = exportUntilStopped(batch);
		}
		catch (InterruptedException ex) {
			// abandoned by a stop that ran out of time, which counted the batch
			this.control.dropped(DropReason.SHUTDOWN, batch.size());
		}
		finally {
			this.inFlight.lazySet(0);
			this.ended = true;
			if (this.control.isStopping() && this.leftCounted.compareAndSet(false, true)) {
				List<T> all = new ArrayList<>(left);
				all.addAll(takeQueued());
				this.stats.dropped(DropReason.SHUTDOWN, all.size());
				if (!all.isEmpty()) {
					this.exporter.left(all);
				}
			}
		}
	}

	/**
	 * @return what a stop left of the last batch, when its deadline passed
	 */
	private List<T> exportUntilStopped(List<T> batch) throws InterruptedException {
		int quietTicks = 0;
		while (!this.control.isAbandoned()) {
			try {
				this.exporter.between(false);
				boolean stopping = this.control.isStopping();
				if (stopping && this.control.isPastStopDeadline()) {
					return List.of();
				}
				long linger = stopping ? 0 : lingerNanos();
				if (linger > 0) {
					LockSupport.parkNanos(this, linger);
					continue;
				}
				if (take(batch) == 0) {
					this.exporter.between(true);
					// items queued before the stop was requested are in the queue once it is seen
					if (stopping) {
						return List.of();
					}
					quietTicks = pause(quietTicks);
					continue;
				}
				quietTicks = 0;
				List<T> rest = export(batch);
				if (!rest.isEmpty()) {
					return rest;
				}
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Throwable ex) {
				this.control.dropped(DropReason.FAILED, batch.size());
				batch.clear();
				this.inFlight.lazySet(0);
				this.exporter.failed(ex);
			}
		}
		return List.of();
	}

	/**
	 * How long a partial batch waits for more before the next look: until the first waiting item
	 * has waited the flush interval, to within a tick, in steps of at most {@link #LINGER_STEP}, so
	 * that a batch filling meanwhile goes soon. A look per tick instead cost a wake-up per
	 * millisecond at any load (36 µs each on the project's VM). With a flush interval of a tick or
	 * less, whatever is queued goes at once, and the queue's lock is not taken to count it.
	 * @return the nanoseconds to wait, 0 to take the batch now
	 */
	private long lingerNanos() {
		if (this.flushIntervalNanos <= TICK_NANOS) {
			return 0;
		}
		int queued = this.queue.size();
		if (queued == 0 || queued >= this.settings.maxBatchSize()) {
			this.lingering = false;
			return 0;
		}
		long now = System.nanoTime();
		if (!this.lingering) {
			this.lingering = true;
			this.lingeringSince = now;
		}
		long left = this.flushIntervalNanos - (now - this.lingeringSince);
		if (left > TICK_NANOS) {
			return Math.min(left, LINGER_STEP_NANOS);
		}
		this.lingering = false;
		return 0;
	}

	private int take(List<T> batch) {
		int taken = this.queue.drainTo(batch, this.settings.maxBatchSize());
		if (this.weigher != null) {
			long bytes = 0;
			for (T item : batch) {
				bytes += this.weigher.applyAsLong(item);
			}
			this.queuedBytes.addAndGet(-bytes);
		}
		return taken;
	}

	private List<T> export(List<T> batch) throws InterruptedException {
		this.inFlight.lazySet(batch.size());
		this.control.begin(batch.size());
		int handled = this.exporter.export(batch, this.control);
		this.batches++;
		List<T> rest = (handled < batch.size()) ? List.copyOf(batch.subList(handled, batch.size())) : List.of();
		batch.clear();
		this.inFlight.lazySet(0);
		return rest;
	}

	private int pause(int quietTicks) {
		if (quietTicks < QUIET_TICKS_BEFORE_SLEEP) {
			LockSupport.parkNanos(this, TICK_NANOS);
			return quietTicks + 1;
		}
		this.sleeping.set(true);
		// a caller that queued after this check sees sleeping and wakes the thread
		if (this.queue.isEmpty() && !this.control.isStopping()) {
			LockSupport.park(this);
		}
		this.sleeping.set(false);
		return 0;
	}

	/**
	 * Returns the items waiting.
	 * @return the count
	 */
	public int queued() {
		return this.queue.size();
	}

	/**
	 * Returns the items of the batch under way: out of the queue, not yet handed on.
	 * @return the count
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Returns how many items may wait.
	 * @return the capacity
	 */
	public int capacity() {
		return this.settings.queueCapacity();
	}

	/**
	 * Returns the batches exported so far.
	 * @return the count
	 */
	public long batches() {
		return this.batches;
	}

	/**
	 * Returns the counters.
	 * @return the counters
	 */
	public BatchStats stats() {
		return this.stats;
	}

	/**
	 * Whether the thread has ended: after a stop, or (which nothing should cause) while the owner
	 * still runs.
	 * @return whether the thread has ended
	 */
	public boolean hasEnded() {
		return this.ended;
	}

	/**
	 * Whether the calling thread is the worker's.
	 * @return whether it is
	 */
	public boolean isWorkerThread() {
		return Thread.currentThread() == this.thread;
	}

	/**
	 * What a stop that gave up on a blocked worker left.
	 *
	 * @param queued the items still queued, oldest first
	 * @param inFlight the items of the batch the blocked export held
	 * @param <T> the type of the items
	 */
	public record Left<T>(List<T> queued, int inFlight) {

	}

}
