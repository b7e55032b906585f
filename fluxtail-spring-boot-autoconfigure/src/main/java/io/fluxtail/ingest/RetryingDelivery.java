package io.fluxtail.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.fluxtail.ingest.Transport.Outcome;
import io.fluxtail.logging.batch.BatchExporter;
import io.fluxtail.logging.batch.DropReason;
import io.fluxtail.logging.batch.ExportControl;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ingest's worker does with a batch: maps its events to log records, then sends them
 * through the {@link Transport}, retrying with exponential backoff and jitter, or after the longer
 * wait a {@code 429}/{@code 503} asks for; a batch refused with another 4xx is dropped with one
 * error line. Each batch ends counted once, as sent or dropped by reason. An event that cannot be
 * mapped costs that event only, counted as {@code failed}.
 */
final class RetryingDelivery implements BatchExporter<IngestEvent> {

	private static final Logger logger = LoggerFactory.getLogger(LogShipper.LOGGER_NAME);

	private final IngestMapping mapping;

	private final Transport transport;

	private final DeliverySettings settings;

	private @Nullable String unmappedType;

	private int rejectedStatus;

	private @Nullable Class<?> failureType;

	private boolean failing;

	RetryingDelivery(IngestMapping mapping, Transport transport, DeliverySettings settings) {
		this.mapping = mapping;
		this.transport = transport;
		this.settings = settings;
	}

	@Override
	public int export(List<IngestEvent> batch, ExportControl control) throws InterruptedException {
		List<LogRecordData> records = records(batch, control);
		if (!records.isEmpty()) {
			deliver(records, control);
		}
		return batch.size();
	}

	private List<LogRecordData> records(List<IngestEvent> batch, ExportControl control) {
		List<LogRecordData> records = new ArrayList<>(batch.size());
		for (IngestEvent event : batch) {
			try {
				records.add(this.mapping.toRecord(event));
			}
			catch (Throwable ex) {
				// a StackOverflowError is a value recursing, not the JVM failing
				if (ex instanceof VirtualMachineError error && !(ex instanceof StackOverflowError)) {
					throw error;
				}
				control.dropped(DropReason.FAILED, 1);
				unmapped(ex.getClass().getName());
			}
		}
		return Collections.unmodifiableList(records);
	}

	private void deliver(List<LogRecordData> batch, ExportControl control) throws InterruptedException {
		long budgetEnd = System.nanoTime() + this.settings.retryBudget().toNanos();
		for (int attempt = 0;; attempt++) {
			if (control.isPastStopDeadline()) {
				// the stop bound is spent: nothing more is sent
				control.dropped(DropReason.SHUTDOWN, batch.size());
				return;
			}
			Outcome outcome = this.transport.send(batch);
			switch (outcome.result()) {
				case SENT -> {
					control.exported(batch.size());
					recovered();
					return;
				}
				case REJECTED -> {
					control.dropped(DropReason.REJECTED, batch.size());
					rejected(outcome);
					return;
				}
				case RETRY -> {
					boolean stopping = control.isStopping();
					long end = stopping ? Math.min(budgetEnd, control.stopDeadline()) : budgetEnd;
					long waitNanos = waitBeforeRetry(attempt, outcome.retryAfter()).toNanos();
					if (Thread.currentThread().isInterrupted() || System.nanoTime() + waitNanos - end > 0) {
						control.dropped(stopping ? DropReason.SHUTDOWN : DropReason.RETRIES_EXHAUSTED, batch.size());
						return;
					}
					failing(outcome);
					control.retried();
					control.pause(waitNanos);
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

	/** A request still waiting for its answer is abandoned. */
	@Override
	public void abort() {
		this.transport.close();
	}

	/**
	 * One error line per kind of failure, naming the type and where it was thrown but not its
	 * message, which may quote a request header (the key).
	 */
	@Override
	public void failed(Throwable ex) {
		if (this.failureType != ex.getClass()) {
			this.failureType = ex.getClass();
			StackTraceElement[] trace = ex.getStackTrace();
			logger.error("Fluxtail ingest could not send a batch ({} at {}); such batches are dropped and counted "
					+ "as 'failed', the next ones are sent", ex.getClass().getName(),
					(trace.length > 0) ? trace[0] : "an unknown place");
		}
	}

	/**
	 * One error line per type of failure; the value is not shown, as it may be what a redaction
	 * rule would have hidden.
	 */
	private void unmapped(String failure) {
		if (!failure.equals(this.unmappedType)) {
			this.unmappedType = failure;
			logger.error("Fluxtail ingest could not map an event ({}); such events are dropped and counted as "
					+ "'failed', the others are sent", failure);
		}
	}

	private void failing(Outcome outcome) {
		if (!this.failing) {
			this.failing = true;
			logger.warn("Fluxtail ingest failed ({}) via {}; retrying with backoff, queueing up to {} events",
					outcome.problem(), this.transport, this.settings.batch().queueCapacity());
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
