package io.fluxtail.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.fluxtail.ingest.Transport.Outcome.Result;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

/**
 * Feeds an exporter the application already has, such as the one Spring Boot configures from
 * {@code management.opentelemetry.logging.export.otlp.*}, instead of opening a second connection.
 * That exporter applies its own retry policy; a batch it gives up on is tried again here with
 * backoff. The exporter belongs to the application, which also shuts it down.
 */
final class ExporterTransport implements Transport {

	private final LogRecordExporter exporter;

	private final Duration timeout;

	/**
	 * Creates a transport.
	 * @param exporter the application's exporter
	 * @param timeout how long to wait for one export
	 */
	public ExporterTransport(LogRecordExporter exporter, Duration timeout) {
		this.exporter = exporter;
		this.timeout = timeout;
	}

	@Override
	public Outcome send(Collection<LogRecordData> batch) {
		try {
			CompletableResultCode result = this.exporter.export(batch).join(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return result.isSuccess() ? Outcome.SENT
					: new Outcome(Result.RETRY, 0, null, "the application's exporter failed or timed out");
		}
		catch (RuntimeException ex) {
			return new Outcome(Result.RETRY, 0, null, "the application's exporter failed: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public String toString() {
		return "the application's " + this.exporter.getClass().getSimpleName();
	}

}
