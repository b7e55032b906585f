package io.fluxtail.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldKind;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import org.jspecify.annotations.Nullable;

/**
 * A real Fluxtail encoder shipping to a URL, and events to write with it.
 */
final class IngestFixture {

	static final Instant TIME = Instant.parse("2026-04-24T10:14:03.125Z");

	static final String API_KEY = "flx_live_7Qm2v9Xc4Rt8Yp1Zb6Nd3Kw5";

	private final LoggerContext context = new LoggerContext();

	final FluxtailEncoder encoder;

	final FluxtailIngest ingest;

	IngestFixture(FieldContract contract, Map<String, FieldKind> kinds, String url, DeliverySettings settings) {
		this(contract, kinds, new OtlpHttpTransport(URI.create(url), API_KEY, Duration.ofSeconds(1),
				Duration.ofSeconds(2)), settings);
	}

	IngestFixture(FieldContract contract, Map<String, FieldKind> kinds, Transport transport,
			DeliverySettings settings) {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.encoder = new FluxtailEncoder(new EncoderConfig(LogFormat.JSON, contract, StackTraceSettings.defaults(),
				new ContractStats()));
		this.encoder.setContext(this.context);
		this.encoder.start();
		this.ingest = FluxtailIngest.start(this.encoder, new IngestMapping(contract, kinds, "checkout"), transport,
				settings, Level.INFO, List.of("io.fluxtail.request"), transport.toString());
	}

	static DeliverySettings settings(int batchSize, Duration flushInterval) {
		return new DeliverySettings(64, 1_000_000, batchSize, flushInterval, Duration.ofMillis(10),
				Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(3));
	}

	LoggingEvent event(String logger, Level level, String message, Map<String, String> mdc,
			@Nullable Throwable throwable) {
		Logger log = this.context.getLogger(logger);
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), log, level, message, throwable, null);
		event.setTimeStamp(TIME.toEpochMilli());
		event.setThreadName("http-nio-8080-exec-1");
		event.setMDCPropertyMap(mdc);
		return event;
	}

	/** Writes an event as the console appender would, returning the line. */
	String write(LoggingEvent event) {
		return new String(this.encoder.encode(event), java.nio.charset.StandardCharsets.UTF_8);
	}

	String writeInfo(String message) {
		return write(event("checkout.api", Level.INFO, message, Map.of(), null));
	}

}
