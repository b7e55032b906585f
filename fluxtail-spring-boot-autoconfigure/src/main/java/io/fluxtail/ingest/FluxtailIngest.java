package io.fluxtail.ingest;

import java.util.List;

import ch.qos.logback.classic.Level;
import io.fluxtail.logging.batch.BatchStats;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import org.jspecify.annotations.Nullable;

/**
 * Shipping as it runs for one application: the sink on the encoder, the shipper behind it and
 * their counters. Events are taken from one encoder only, so that a console and a file appender do
 * not ship each event twice.
 */
final class FluxtailIngest {

	private final String destination;

	private final @Nullable String inactiveReason;

	private final BatchStats stats;

	private final @Nullable FluxtailEncoder encoder;

	private final @Nullable LogShipper shipper;

	private FluxtailIngest(String destination, @Nullable String inactiveReason, BatchStats stats,
			@Nullable FluxtailEncoder encoder, @Nullable LogShipper shipper) {
		this.destination = destination;
		this.inactiveReason = inactiveReason;
		this.stats = stats;
		this.encoder = encoder;
		this.shipper = shipper;
	}

	/**
	 * Starts shipping the events a running encoder writes.
	 * @param encoder the encoder
	 * @param mapping how fields map to OTLP
	 * @param transport where batches go
	 * @param settings bounds and timings
	 * @param minLevel the lowest level shipped
	 * @param alwaysShippedLoggers loggers shipped at any level
	 * @param destination where events go, without credentials
	 * @return the running ingest
	 */
	public static FluxtailIngest start(FluxtailEncoder encoder, IngestMapping mapping, Transport transport,
			DeliverySettings settings, Level minLevel, List<String> alwaysShippedLoggers, String destination) {
		BatchStats stats = new BatchStats();
		LogShipper shipper = new LogShipper(mapping, transport, settings, stats);
		encoder.setSink(new IngestSink(shipper, minLevel, alwaysShippedLoggers));
		return new FluxtailIngest(destination, null, stats, encoder, shipper);
	}

	/**
	 * An ingest that ships nothing.
	 * @param destination where events would go, without credentials
	 * @param reason why nothing ships
	 * @return the inactive ingest
	 */
	public static FluxtailIngest inactive(String destination, String reason) {
		return new FluxtailIngest(destination, reason, new BatchStats(), null, null);
	}

	/**
	 * Returns the counters.
	 * @return the counters
	 */
	public BatchStats stats() {
		return this.stats;
	}

	/**
	 * Returns the state right now.
	 * @return the state
	 */
	public IngestStatus status() {
		LogShipper shipper = this.shipper;
		return new IngestStatus(shipper != null, this.inactiveReason, this.destination,
				(shipper != null) ? shipper.queued() : 0, (shipper != null) ? shipper.inFlight() : 0,
				(shipper != null) ? shipper.capacity() : 0, this.stats);
	}

	/**
	 * Stops taking events and delivers what is queued, within the stop bound.
	 */
	public void stop() {
		if (this.encoder != null) {
			this.encoder.setSink(null);
		}
		if (this.shipper != null) {
			this.shipper.stop();
		}
	}

}
