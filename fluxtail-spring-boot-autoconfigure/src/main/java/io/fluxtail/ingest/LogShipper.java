package io.fluxtail.ingest;

import java.util.concurrent.atomic.AtomicBoolean;

import io.fluxtail.logging.batch.BatchStats;
import io.fluxtail.logging.batch.BatchWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipped events on their way out: a {@link BatchWorker} (the one the log output queue runs on
 * too) bounded in events and characters, mapping and delivering batches through a
 * {@link RetryingDelivery}.
 * Offering never blocks: a full queue drops the event and counts it. Whatever a send throws costs
 * that batch only, counted: the worker goes on with the next one.
 *
 * <p>
 * Delivery is at least once: a batch whose answer was lost (timeout, broken connection) is sent
 * again, so the backend may receive it twice. Nothing is ever sent twice after a success. Every
 * event is counted once as sent or dropped, and a stop that leaves events undelivered says so in
 * one last line.
 */
final class LogShipper {

	/** Logger of the shipper's own lines, which are never shipped themselves. */
	public static final String LOGGER_NAME = "io.fluxtail.ingest";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private final Transport transport;

	private final BatchWorker<IngestEvent> worker;

	private final AtomicBoolean stopped = new AtomicBoolean();

	/**
	 * Creates a shipper and starts its worker.
	 * @param mapping how the worker maps events to OTLP
	 * @param transport where batches go
	 * @param settings bounds and timings
	 * @param stats where delivery is counted
	 */
	public LogShipper(IngestMapping mapping, Transport transport, DeliverySettings settings, BatchStats stats) {
		this.transport = transport;
		this.worker = new BatchWorker<>("fluxtail-ingest", settings.batch(),
				new RetryingDelivery(mapping, transport, settings), stats, IngestEvent::estimatedChars);
		this.worker.start();
	}

	/**
	 * Queues an event without waiting, or drops and counts it when the queue is full or stopped.
	 * @param event the event
	 */
	void offer(IngestEvent event) {
		this.worker.offer(event);
	}

	/**
	 * Returns the events waiting to be sent.
	 * @return the count
	 */
	public int queued() {
		return this.worker.queued();
	}

	/**
	 * Returns the events of the batch being sent or waiting for its retry.
	 * @return the count
	 */
	public int inFlight() {
		return this.worker.inFlight();
	}

	/**
	 * Returns how many events may wait.
	 * @return the capacity
	 */
	public int capacity() {
		return this.worker.capacity();
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
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		try {
			if (!this.worker.stop()) {
				this.worker.abandon();
			}
		}
		finally {
			this.transport.close();
			reportUndelivered();
		}
	}

	private void reportUndelivered() {
		BatchStats stats = this.worker.stats();
		long undelivered = stats.undelivered();
		if (undelivered > 0) {
			logger.atWarn()
				.addKeyValue("undelivered", undelivered)
				.log("Fluxtail ingest stopped with {} events not delivered via {} since start, by reason {}",
						undelivered, this.transport, stats.droppedByReason());
		}
	}

}
