package io.fluxtail.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.slf4j.event.KeyValuePair;

/**
 * Production-shaped input for the shipping benchmarks: a request line with two message arguments,
 * three key/value pairs and five MDC entries, through a real encoder, one millisecond apart.
 */
final class IngestEvents {

	static final Map<String, String> MDC = Map.of("request_id", "req-9f2c4e1a7b3d", "traceId",
			"4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7", "tenant", "acme-eu", "user_id", "u-1042");

	static final FieldContract CONTRACT = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.value(CoreFields.VERSION, "1.4.2")
		.value(CoreFields.REGION, "eu-west-1")
		.build();

	final LoggerContext context = new LoggerContext();

	final FluxtailEncoder encoder;

	final LoggingEvent event;

	IngestEvents() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.encoder = new FluxtailEncoder(
				new EncoderConfig(LogFormat.JSON, CONTRACT, StackTraceSettings.defaults(), new ContractStats()));
		this.encoder.setContext(this.context);
		this.encoder.start();
		this.event = new LoggingEvent(Logger.class.getName(),
				this.context.getLogger("io.fluxtail.sample.CheckoutController"), Level.INFO,
				"order {} accepted for tenant {}", null, new Object[] { 4921, "acme-eu" });
		this.event.addKeyValuePair(new KeyValuePair("order_id", 4921L));
		this.event.addKeyValuePair(new KeyValuePair("total_cents", 12999L));
		this.event.addKeyValuePair(new KeyValuePair("customer_tier", "gold"));
		this.event.setTimeStamp(Instant.parse("2026-04-24T10:14:03.125Z").toEpochMilli());
		this.event.setThreadName("http-nio-8080-exec-7");
		this.event.setMDCPropertyMap(MDC);
		this.event.prepareForDeferredProcessing();
	}

	/** Encodes the event one millisecond later than the last time, as a running service would. */
	byte[] encodeNext() {
		this.event.setTimeStamp(this.event.getTimeStamp() + 1);
		return this.encoder.encode(this.event);
	}

	static DeliverySettings settings(int batchSize) {
		return new DeliverySettings(8192, 64L << 20, batchSize, Duration.ofMillis(200), Duration.ofMillis(100),
				Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
	}

	static FluxtailIngest ship(FluxtailEncoder encoder, Transport transport, int batchSize) {
		return FluxtailIngest.start(encoder, new IngestMapping(CONTRACT, Map.of(), "checkout-api"), transport,
				settings(batchSize), Level.INFO, List.of(), "benchmark");
	}

	/**
	 * Returns events as the logging thread hands them to the shipper.
	 */
	static List<IngestEvent> handedOver(int count) {
		IngestEvents events = new IngestEvents();
		List<IngestEvent> handedOver = new ArrayList<>();
		events.encoder.setSink((event, fields) -> handedOver.add(IngestEvent.of(event, fields)));
		for (int i = 0; i < count; i++) {
			events.encodeNext();
		}
		return List.copyOf(handedOver);
	}

	/**
	 * Returns one batch of records exactly as the shipper hands them to its transport.
	 */
	static List<LogRecordData> batch(int size) {
		IngestEvents events = new IngestEvents();
		List<LogRecordData> batch = new ArrayList<>();
		FluxtailIngest ingest = ship(events.encoder, (Collection<LogRecordData> records) -> {
			batch.addAll(records);
			return Transport.Outcome.SENT;
		}, size);
		for (int i = 0; i < size; i++) {
			events.encodeNext();
		}
		ingest.stop();
		return List.copyOf(batch);
	}

}
