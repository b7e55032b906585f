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
 * key/value pairs of realistic lengths. A new request starts every {@code linesPerRequest} lines,
 * with new objects for every MDC value and argument, as a request's own ids are: within a request
 * the MDC map and its values are the same objects on every line, as Logback's MDC gives them.
 */
final class ProductionEvents {

	/** A SendGrid key shape, random characters: the one secret of the secret line. */
	static final String SECRET = "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";

	/** A GitHub token shape and a test card number: with {@link #SECRET}, the secrets of the three-secret line. */
	static final String[] MORE_SECRETS = { "ghp_R8x2Lq9Vt4Wm7Kc3Hn6Bd1Fz5Js0Pg2Ya8Eu", "4111 1111 1111 1111" };

	private long timestamp = 1_777_000_000_000L;

	private long lines;

	private Map<String, String> mdc = Map.of();

	private String customer = "";

	private String paymentMethod = "";

	private String shippingRegion = "";

	private final Logger logger;

	private final int linesPerRequest;

	/**
	 * Creates the events.
	 * @param logger the logger the events are written on
	 * @param linesPerRequest lines each request writes before the next one starts
	 */
	ProductionEvents(Logger logger, int linesPerRequest) {
		this.logger = logger;
		this.linesPerRequest = linesPerRequest;
	}

	/**
	 * Returns a new event of the given line.
	 * @param line {@code normal}, {@code secret} or {@code secrets} (three of them)
	 * @return the event
	 */
	LoggingEvent next(String line) {
		if (this.lines++ % this.linesPerRequest == 0) {
			startRequest(this.lines / this.linesPerRequest);
		}
		LoggingEvent event = switch (line) {
			case "secret" -> event("calling payment gateway eu-west-1 with key {} for cart {}", SECRET,
					"cart-7f3e9a12-items-3");
			case "secrets" -> event("calling payment gateway eu-west-1 with key {}, repository token {} and card {}",
					SECRET, MORE_SECRETS[0], MORE_SECRETS[1]);
			default -> event("order accepted for customer {} with cart {}", this.customer, "cart-7f3e9a12-items-3");
		};
		event.setTimeStamp(this.timestamp++);
		event.setThreadName("http-nio-8080-exec-7");
		event.setMDCPropertyMap(this.mdc);
		event.addKeyValuePair(new KeyValuePair("total_cents", 12999L));
		event.addKeyValuePair(new KeyValuePair("payment_method", this.paymentMethod));
		event.addKeyValuePair(new KeyValuePair("shipping_region", this.shippingRegion));
		return event;
	}

	private LoggingEvent event(String pattern, Object... arguments) {
		return new LoggingEvent(Logger.class.getName(), this.logger, Level.INFO, pattern, null, arguments);
	}

	private void startRequest(long request) {
		String hex = Long.toHexString(0x9f2c4e1a7b3d4c5eL + request);
		this.mdc = Map.of("request_id", "req-" + hex, "traceId", "4bf92f3577b34da6" + hex, "spanId",
				Long.toHexString(0x10f067aa0ba902b7L ^ request), "tenant_id", new String("acme-eu-west-1"),
				"order_id", "ord-2026-" + (100_000_000 + request));
		this.customer = "cus_Q1w2E3r4" + hex.substring(0, 6);
		this.paymentMethod = new String("card_visa_debit");
		this.shippingRegion = new String("eu-west-1/de-frankfurt");
	}

}
