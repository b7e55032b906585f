package io.fluxtail.benchmarks;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.slf4j.event.KeyValuePair;

/**
 * Events shaped like a service's production lines, built fresh for every encode as Logback does:
 * a timestamp one millisecond later each time (no encoder can reuse a formatted one), five MDC
 * entries (request, trace and span ids, and two business ids), two message arguments and three
 * key/value pairs of realistic lengths.
 */
final class ProductionEvents {

	/** A SendGrid key shape, random characters: the one secret of the secret line. */
	static final String SECRET = "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";

	private static final Map<String, String> MDC = Map.of("request_id", "req-9f2c4e1a7b3d4c5e", "traceId",
			"4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7", "tenant_id", "acme-eu-west-1",
			"order_id", "ord-2026-000123456");

	private long timestamp = 1_777_000_000_000L;

	private final Logger logger;

	ProductionEvents(Logger logger) {
		this.logger = logger;
	}

	/**
	 * Returns a new event of the given line.
	 * @param line {@code normal} or {@code secret}
	 * @return the event
	 */
	LoggingEvent next(String line) {
		boolean secret = line.equals("secret");
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), this.logger, Level.INFO,
				secret ? "calling payment gateway eu-west-1 with key {} for cart {}"
						: "order accepted for customer {} with cart {}",
				null, new Object[] { secret ? SECRET : "cus_Q1w2E3r4T5y6U7", "cart-7f3e9a12-items-3" });
		event.setTimeStamp(this.timestamp++);
		event.setThreadName("http-nio-8080-exec-7");
		event.setMDCPropertyMap(MDC);
		event.addKeyValuePair(new KeyValuePair("total_cents", 12999L));
		event.addKeyValuePair(new KeyValuePair("payment_method", "card_visa_debit"));
		event.addKeyValuePair(new KeyValuePair("shipping_region", "eu-west-1/de-frankfurt"));
		return event;
	}

}
