package io.fluxtail.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.fluxtail.ingest.Transport.Outcome;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue of shipped events and the one thread that sends them in batches. Offering never
 * blocks: a full queue drops the event and counts it. Failed batches are retried with exponential
 * backoff and jitter, or after the longer wait a {@code 429}/{@code 503} asks for; a batch refused
 * with another 4xx is dropped with one error line. Whatever a send throws costs that batch only,
 * counted: the sending thread goes on with the next one.
 *
 * <p>
 * Delivery is at least once: a batch whose answer was lost (timeout, broken connection) is sent
 * again, so the backend may receive it twice. Nothing is ever sent twice after a success. Every
 * event is counted once as sent or dropped, and a stop that leaves events undelivered says so in
 * one last line.
 */
public final class LogShipper {

	/** Logger of the shipper's own lines, which are never shipped themselves. */
	public static final String LOGGER_NAME = "io.fluxtail.ingest";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private final Transport transport;

	private final DeliverySettings settings;

	private final IngestStats stats;

	private final BlockingQueue<ShippedLog> queue;

	private final AtomicLong queuedChars = new AtomicLong();

	private final AtomicInteger queuedEvents = new AtomicInteger();

	/** Events of the batch being sent or waiting for its retry: out of the queue, not yet counted. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private final Thread sender;

	private volatile long stopDeadline = Long.MAX_VALUE;

	private int rejectedStatus;

	private @Nullable Class<?> failureType;

	private boolean failing;

	/**
	 * Creates a shipper and starts its sending thread.
	 * @param transport where batches go
	 * @param settings bounds and timings
	 * @param stats where delivery is counted
	 */
	public LogShipper(Transport transport, DeliverySettings settings, IngestStats stats) {
		this.transport = transport;
		this.settings = settings;
		this.stats = stats;
		this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.sender = new Thread(this::run, "fluxtail-ingest");
		this.sender.setDaemon(true);
		this.sender.start();
	}

	/**
	 * Queues an event without waiting, or drops and counts it when the queue is full or stopped.
	 * @param log the event
	 */
	void offer(ShippedLog log) {
		if (this.stopRequested.getCount() == 0) {
			this.stats.dropped(DropReason.SHUTDOWN, 1);
			return;
		}
		if (this.queuedChars.addAndGet(log.estimatedChars()) > this.settings.queueMaxBytes() || !this.queue.offer(log)) {
			this.queuedChars.addAndGet(-log.estimatedChars());
			this.stats.dropped(DropReason.QUEUE_FULL, 1);
		}
		else if (this.queuedEvents.incrementAndGet() == this.settings.batchSize()) {
			// the sending thread sleeps between batches instead of waking for every event
			LockSupport.unpark(this.sender);
		}
	}

	/**
	 * Returns the events waiting to be sent.
	 * @return the count
	 */
	public int queued() {
		return this.queue.size();
	}

	/**
	 * Returns the events of the batch being sent or waiting for its retry.
	 * @return the count
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Returns how many events may wait.
	 * @return the capacity
	 */
	public int capacity() {
		return this.settings.queueCapacity();
	}

	/**
	 * Returns where batches go.
	 * @return the transport
	 */
	public Transport transport() {
		return this.transport;
	}

	/**
	 * Delivers what is queued, for at most the stop timeout, then stops; what is left is dropped
	 * and counted. When any event was not delivered since start, one warning says how many and why,
	 * written before Spring Boot's logging shuts down (the ingest stops first).
	 */
	public void stop() {
		if (this.stopRequested.getCount() == 0) {
			return;
		}
		Duration bound = this.settings.stopTimeout();
		this.stopDeadline = System.nanoTime() + bound.toNanos();
		this.stopRequested.countDown();
		LockSupport.unpark(this.sender);
		try {
			this.sender.join(bound.toMillis() + 1);
			if (this.sender.isAlive()) {
				// a request still waiting for its answer is abandoned
				this.sender.interrupt();
				this.transport.close();
				this.sender.join(1000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.transport.close();
			reportUndelivered();
		}
	}

	private void reportUndelivered() {
		// a sending thread that outlived the stop still holds its events: they are lost as well
		long undelivered = this.stats.undelivered() + this.queue.size() + this.inFlight.get();
		if (undelivered > 0) {
			logger.atWarn()
				.addKeyValue("undelivered", undelivered)
				.log("Fluxtail ingest stopped with {} events not delivered via {} since start, by reason {}",
						undelivered, this.transport, this.stats.droppedByReason());
		}
	}

	private void run() {
		List<LogRecordData> batch = new ArrayList<>(this.settings.batchSize());
		try {
			while (this.stopRequested.getCount() > 0 || !this.queue.isEmpty()) {
				fill(batch);
				if (!batch.isEmpty()) {
					send(batch);
				}
			}
		}
		catch (InterruptedException ex) {
			// abandoned by a stop that ran out of time: what is queued is counted below
		}
		finally {
			this.stats.dropped(DropReason.SHUTDOWN, this.queue.drainTo(new ArrayList<>()));
		}
	}

	/**
	 * Delivers one batch, which ends counted once, as sent or dropped, whatever happens.
	 */
	private void send(List<LogRecordData> batch) throws InterruptedException {
		this.inFlight.set(batch.size());
		try {
			deliver(batch);
		}
		catch (InterruptedException ex) {
			this.stats.dropped(DropReason.SHUTDOWN, batch.size());
			throw ex;
		}
		catch (Throwable ex) {
			// a defect rather than an outage: this batch is lost, the next one is sent
			this.stats.dropped(DropReason.FAILED, batch.size());
			failed(ex);
		}
		finally {
			this.inFlight.set(0);
			batch.clear();
		}
	}

	/**
	 * Waits until a batch is full, the flush interval has passed or a stop is requested, then
	 * takes up to a batch. Logging threads wake this thread once per batch at most, never per event.
	 */
	private void fill(List<LogRecordData> batch) throws InterruptedException {
		if (this.queuedEvents.get() < this.settings.batchSize() && this.stopRequested.getCount() > 0) {
			LockSupport.parkNanos(this, this.settings.flushInterval().toNanos());
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		int taken = this.queue.drainTo(batch, this.settings.batchSize());
		this.queuedEvents.addAndGet(-taken);
		long chars = 0;
		for (LogRecordData log : batch) {
			chars += ((ShippedLog) log).estimatedChars();
		}
		this.queuedChars.addAndGet(-chars);
	}

	private void deliver(List<LogRecordData> batch) throws InterruptedException {
		long budgetEnd = System.nanoTime() + this.settings.retryBudget().toNanos();
		for (int attempt = 0;; attempt++) {
			if (this.stopRequested.getCount() == 0 && System.nanoTime() >= this.stopDeadline) {
				// the stop bound is spent: nothing more is sent
				this.stats.dropped(DropReason.SHUTDOWN, batch.size());
				return;
			}
			Outcome outcome = this.transport.send(List.copyOf(batch));
			switch (outcome.result()) {
				case SENT -> {
					this.stats.sent(batch.size(), Instant.now());
					recovered();
					return;
				}
				case REJECTED -> {
					this.stats.dropped(DropReason.REJECTED, batch.size());
					rejected(outcome);
					return;
				}
				case RETRY -> {
					boolean stopping = this.stopRequested.getCount() == 0;
					long end = stopping ? Math.min(budgetEnd, this.stopDeadline) : budgetEnd;
					long waitNanos = waitBeforeRetry(attempt, outcome.retryAfter()).toNanos();
					if (Thread.currentThread().isInterrupted() || System.nanoTime() + waitNanos > end) {
						this.stats.dropped(stopping ? DropReason.SHUTDOWN : DropReason.RETRIES_EXHAUSTED, batch.size());
						return;
					}
					failing(outcome);
					this.stats.retried();
					if (stopping) {
						TimeUnit.NANOSECONDS.sleep(waitNanos);
					}
					else {
						// a stop cuts this wait short: what is queued is tried once more, within the stop bound
						this.stopRequested.await(waitNanos, TimeUnit.NANOSECONDS);
					}
				}
			}
		}
	}

	/**
	 * Exponential backoff with jitter between half and all of the step, so that many instances do
	 * not retry in step, or the backend's {@code Retry-After} when it asks for longer. The backoff
	 * is the floor: a backend answering {@code Retry-After: 0} is not sent the batch in a loop.
	 */
	Duration waitBeforeRetry(int attempt, @Nullable Duration retryAfter) {
		long initial = this.settings.initialBackoff().toNanos();
		long step = Math.min(this.settings.maxBackoff().toNanos(), initial << Math.min(attempt, 30));
		Duration backoff = Duration.ofNanos(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
		return (retryAfter != null && retryAfter.compareTo(backoff) > 0) ? retryAfter : backoff;
	}

	/**
	 * One error line per kind of failure, naming the type and where it was thrown but not its
	 * message, which may quote a request header (the key).
	 */
	private void failed(Throwable ex) {
		if (this.failureType != ex.getClass()) {
			this.failureType = ex.getClass();
			StackTraceElement[] trace = ex.getStackTrace();
			logger.error("Fluxtail ingest could not send a batch ({} at {}); such batches are dropped and counted "
					+ "as 'failed', the next ones are sent", ex.getClass().getName(),
					(trace.length > 0) ? trace[0] : "an unknown place");
		}
	}

	private void failing(Outcome outcome) {
		if (!this.failing) {
			this.failing = true;
			logger.warn("Fluxtail ingest failed ({}) via {}; retrying with backoff, queueing up to {} events",
					outcome.problem(), this.transport, this.settings.queueCapacity());
		}
	}

	private void recovered() {
		this.rejectedStatus = 0;
		if (this.failing) {
			this.failing = false;
			logger.info("Fluxtail ingest delivers again via {}", this.transport);
		}
	}

	private void rejected(Outcome outcome) {
		if (this.rejectedStatus != outcome.status()) {
			this.rejectedStatus = outcome.status();
			logger.error("Fluxtail ingest refused a batch with HTTP {} via {}; such batches are dropped and counted "
					+ "(check fluxtail.ingest.url and fluxtail.ingest.api-key)", outcome.status(), this.transport);
		}
	}

}
