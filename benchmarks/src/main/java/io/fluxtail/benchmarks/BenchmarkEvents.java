package io.fluxtail.benchmarks;

import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.slf4j.event.KeyValuePair;

/**
 * The three lines every candidate encodes: a normal request line, the same line carrying secrets,
 * and an error with a realistic stack (30+ frames and a cause).
 */
final class BenchmarkEvents {

	static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTEwNDIiLCJzY29wZSI6Im9yZGVyczp3cml0ZSIsImV4cCI6MTc3NzAwMDAwMH0."
			+ "kX9fQ2r7bT1mZpL0sV8wYc3dH6jN4uE5gA2iR7oK1tM9xB3vC6nD8fG0hJ2lP4qS";

	static final String EMAIL = "jane.doe+billing@example-mail.com";

	private static final Map<String, String> MDC = Map.of("request_id", "req-9f2c4e1a7b3d", "traceId",
			"4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7");

	private BenchmarkEvents() {
	}

	static LoggingEvent create(LoggerContext context, String line) {
		return switch (line) {
			case "normal" -> normal(context);
			case "secret" -> secret(context);
			case "exception" -> exception(context);
			default -> throw new IllegalArgumentException(line);
		};
	}

	private static LoggingEvent normal(LoggerContext context) {
		LoggingEvent event = event(context, Level.INFO, "order {} accepted for tenant {}", null, 4921, "acme-eu");
		event.addKeyValuePair(new KeyValuePair("order_id", 4921L));
		event.addKeyValuePair(new KeyValuePair("total_cents", 12999L));
		event.addKeyValuePair(new KeyValuePair("customer_tier", "gold"));
		return event;
	}

	private static LoggingEvent secret(LoggerContext context) {
		LoggingEvent event = event(context, Level.INFO, "calling payments with Authorization: Bearer {}", null, JWT);
		event.addKeyValuePair(new KeyValuePair("order_id", 4921L));
		event.addKeyValuePair(new KeyValuePair("total_cents", 12999L));
		event.addKeyValuePair(new KeyValuePair("contact", EMAIL));
		return event;
	}

	private static LoggingEvent exception(LoggerContext context) {
		LoggingEvent event = event(context, Level.ERROR, "payment capture failed", captureFailure());
		event.addKeyValuePair(new KeyValuePair("order_id", 4921L));
		event.addKeyValuePair(new KeyValuePair("total_cents", 12999L));
		event.addKeyValuePair(new KeyValuePair("customer_tier", "gold"));
		return event;
	}

	private static LoggingEvent event(LoggerContext context, Level level, String message, Throwable throwable,
			Object... arguments) {
		Logger logger = context.getLogger("io.fluxtail.sample.CheckoutController");
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, throwable, arguments);
		event.setTimeStamp(Instant.parse("2026-04-24T10:14:03.125Z").toEpochMilli());
		event.setThreadName("http-nio-8080-exec-7");
		event.setMDCPropertyMap(MDC);
		return event;
	}

	/**
	 * An exception thrown 32 calls deep, wrapping a cause thrown as deep: both stacks are real.
	 */
	static RuntimeException captureFailure() {
		try {
			descend(32);
			throw new AssertionError();
		}
		catch (IllegalStateException ex) {
			return ex;
		}
	}

	private static void descend(int depth) {
		if (depth > 0) {
			descend(depth - 1);
			return;
		}
		try {
			timeout(32);
		}
		catch (SocketTimeoutException ex) {
			throw new IllegalStateException("Capture of order 4921 failed at gateway eu-west-1", ex);
		}
	}

	private static void timeout(int depth) throws SocketTimeoutException {
		if (depth > 0) {
			timeout(depth - 1);
			return;
		}
		throw new SocketTimeoutException("Read timed out after 2000 ms");
	}

}
