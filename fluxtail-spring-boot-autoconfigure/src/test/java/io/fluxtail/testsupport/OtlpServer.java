package io.fluxtail.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

/**
 * An OTLP/HTTP logs endpoint on loopback that decodes every request with the official
 * OpenTelemetry proto classes and answers as scripted: queued answers first, then 200. It can
 * also accept requests and never answer them.
 */
public final class OtlpServer implements AutoCloseable {

	private final HttpServer server;

	private final Deque<Answer> answers = new ConcurrentLinkedDeque<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final CountDownLatch released = new CountDownLatch(1);

	private volatile boolean hang;

	public OtlpServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/v1/logs", this::handle);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/logs";
	}

	/**
	 * Answers the next requests with these statuses, in order.
	 */
	public OtlpServer answer(int status, Map<String, String> headers) {
		this.answers.add(new Answer(status, headers));
		return this;
	}

	/**
	 * Accepts every request from now on and never answers it, until closed.
	 */
	public void hang() {
		this.hang = true;
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Answer answer = this.answers.poll();
		int status = (answer != null) ? answer.status() : 200;
		this.received.add(new Received(System.nanoTime(), exchange.getRemoteAddress().getPort(), status,
				exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestHeaders().getFirst("Content-Type"), ExportLogsServiceRequest.parseFrom(body)));
		if (this.hang) {
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return;
		}
		if (answer != null) {
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Every record of every accepted (2xx) request, in arrival order.
	 */
	public List<Shipped> accepted() {
		List<Shipped> records = new ArrayList<>();
		for (Received request : this.received) {
			if (request.status() / 100 == 2) {
				records.addAll(request.records());
			}
		}
		return records;
	}

	/**
	 * Waits, bounded, until an accepted record matches.
	 */
	public Shipped awaitRecord(Predicate<Shipped> matching) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			for (Shipped record : accepted()) {
				if (matching.test(record)) {
					return record;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("No matching record arrived; received " + accepted().size() + " records");
	}

	/**
	 * Waits, bounded, until this many accepted records arrived.
	 */
	public List<Shipped> awaitAccepted(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (accepted().size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return accepted();
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

	private record Answer(int status, Map<String, String> headers) {
	}

	/**
	 * One request as the server saw it.
	 */
	public record Received(long nanoTime, int clientPort, int status, String authorization, String contentType,
			ExportLogsServiceRequest request) {

		public List<Shipped> records() {
			List<Shipped> records = new ArrayList<>();
			for (ResourceLogs resource : this.request.getResourceLogsList()) {
				for (ScopeLogs scope : resource.getScopeLogsList()) {
					for (LogRecord record : scope.getLogRecordsList()) {
						records.add(new Shipped(attributes(resource.getResource().getAttributesList()),
								scope.getScope().getName(), record, attributes(record.getAttributesList())));
					}
				}
			}
			return records;
		}

		public Duration since(Received earlier) {
			return Duration.ofNanos(this.nanoTime - earlier.nanoTime);
		}

	}

	/**
	 * One log record with its resource and scope, attributes as plain values.
	 */
	public record Shipped(Map<String, Object> resource, String scope, LogRecord record, Map<String, Object> attributes) {

		public String body() {
			return this.record.getBody().getStringValue();
		}

	}

	static Map<String, Object> attributes(List<KeyValue> attributes) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			AnyValue value = attribute.getValue();
			values.put(attribute.getKey(), switch (value.getValueCase()) {
				case STRING_VALUE -> value.getStringValue();
				case INT_VALUE -> value.getIntValue();
				case DOUBLE_VALUE -> value.getDoubleValue();
				case BOOL_VALUE -> value.getBoolValue();
				default -> value.toString();
			});
		}
		return values;
	}

}
