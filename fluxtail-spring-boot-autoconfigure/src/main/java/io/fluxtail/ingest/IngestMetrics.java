package io.fluxtail.ingest;

import io.fluxtail.logging.batch.BatchStats;
import io.fluxtail.logging.batch.DropReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the ingest counters: {@code fluxtail.ingest.sent}, {@code fluxtail.ingest.retries},
 * {@code fluxtail.ingest.dropped} tagged by {@code reason} (the events not delivered), and the
 * {@code fluxtail.ingest.queued} and {@code fluxtail.ingest.inflight} gauges. They read the worker's own
 * counts, so the log path never touches Micrometer.
 */
class IngestMetrics implements MeterBinder {

	private final FluxtailIngest ingest;

	IngestMetrics(FluxtailIngest ingest) {
		this.ingest = ingest;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		BatchStats stats = this.ingest.stats();
		FunctionCounter.builder("fluxtail.ingest.sent", stats, BatchStats::exported)
			.description("Events the ingest accepted")
			.register(registry);
		FunctionCounter.builder("fluxtail.ingest.retries", stats, BatchStats::retries)
			.description("Batches sent again after a failure")
			.register(registry);
		for (DropReason reason : DropReason.values()) {
			FunctionCounter.builder("fluxtail.ingest.dropped", stats, (counts) -> counts.dropped(reason))
				.tag("reason", reason.tag())
				.description("Events not delivered")
				.register(registry);
		}
		Gauge.builder("fluxtail.ingest.queue.size", this.ingest, (ingest) -> ingest.status().queued())
			.description("Events waiting to be sent")
			.register(registry);
		Gauge.builder("fluxtail.ingest.in.flight", this.ingest, (ingest) -> ingest.status().inFlight())
			.description("Events of the batch being sent or waiting for its retry")
			.register(registry);
	}

}
