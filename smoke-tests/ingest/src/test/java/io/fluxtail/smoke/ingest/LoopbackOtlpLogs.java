package io.fluxtail.smoke.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

/**
 * The receiving end a Fluxtail ingest URL points at, on loopback: decodes each OTLP/HTTP logs
 * request with the official proto classes and answers 200, or answers every request
 * {@code 503 Retry-After: 0}, or never answers at all.
 */
final class LoopbackOtlpLogs implements AutoCloseable {

	private final HttpServer server;

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<Record> records = new CopyOnWriteArrayList<>();

	private final List<Long> requestNanos = new CopyOnWriteArrayList<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	/** The status of every answer, {@code 0} for none. */
	private final int status;

	private LoopbackOtlpLogs(int status) {
		this.status = status;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v1/logs", this::receive);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	static LoopbackOtlpLogs answering() {
		return new LoopbackOtlpLogs(200);
	}

	/**
	 * A collector that is down and asks to be retried at once, every time.
	 */
	static LoopbackOtlpLogs unavailableRetryAtOnce() {
		return new LoopbackOtlpLogs(503);
	}

	static LoopbackOtlpLogs neverAnswering() {
		return new LoopbackOtlpLogs(0);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/logs";
	}

	/**
	 * The Authorization header of each request received, empty when it had none.
	 */
	List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	List<Record> records() {
		return List.copyOf(this.records);
	}

	/**
	 * How many requests arrived within a time after the first one.
	 */
	long requestsWithin(Duration sinceFirst) {
		List<Long> times = List.copyOf(this.requestNanos);
		return times.isEmpty() ? 0 : times.stream().filter((time) -> time - times.get(0) <= sinceFirst.toNanos()).count();
	}

	/**
	 * Waits until the first request has arrived.
	 */
	void awaitFirstRequest(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.requestNanos.isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No request within " + timeout);
			}
			Thread.sleep(20);
		}
	}

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		this.requestNanos.add(System.nanoTime());
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.authorizations.add((authorization != null) ? authorization : "");
		if (this.status == 503) {
			exchange.getResponseHeaders().add("Retry-After", "0");
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		if (this.status == 0) {
			try {
				this.closed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return;
		}
		for (ResourceLogs resource : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
			for (ScopeLogs scope : resource.getScopeLogsList()) {
				for (LogRecord record : scope.getLogRecordsList()) {
					this.records.add(new Record(values(resource.getResource().getAttributesList()),
							scope.getScope().getName(), record.getSeverityText(), record.getBody().getStringValue(),
							values(record.getAttributesList()), HexFormat.of().formatHex(record.getTraceId().toByteArray()),
							HexFormat.of().formatHex(record.getSpanId().toByteArray())));
				}
			}
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

	private static Map<String, String> values(List<KeyValue> attributes) {
		Map<String, String> values = new LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			values.put(attribute.getKey(), attribute.getValue().hasIntValue()
					? Long.toString(attribute.getValue().getIntValue()) : attribute.getValue().getStringValue());
		}
		return values;
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
	}

	/**
	 * One shipped event; numbers as their text, ids as lower-case hex, empty when absent.
	 */
	record Record(Map<String, String> resource, String logger, String level, String message,
			Map<String, String> attributes, String traceId, String spanId) {

		static List<String> messages(List<Record> records) {
			List<String> messages = new ArrayList<>();
			records.forEach((record) -> messages.add(record.message()));
			return messages;
		}

	}

}
