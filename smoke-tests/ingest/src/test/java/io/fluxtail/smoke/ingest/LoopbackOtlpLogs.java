package io.fluxtail.smoke.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
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
 * request with the official proto classes and answers 200, or never answers at all.
 */
final class LoopbackOtlpLogs implements AutoCloseable {

	private final HttpServer server;

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<Record> records = new CopyOnWriteArrayList<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final boolean answers;

	private LoopbackOtlpLogs(boolean answers) {
		this.answers = answers;
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
		return new LoopbackOtlpLogs(true);
	}

	static LoopbackOtlpLogs neverAnswering() {
		return new LoopbackOtlpLogs(false);
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

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.authorizations.add((authorization != null) ? authorization : "");
		if (!this.answers) {
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
							values(record.getAttributesList())));
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
	 * One shipped event; numbers as their text.
	 */
	record Record(Map<String, String> resource, String logger, String level, String message,
			Map<String, String> attributes) {

		static List<String> messages(List<Record> records) {
			List<String> messages = new ArrayList<>();
			records.forEach((record) -> messages.add(record.message()));
			return messages;
		}

	}

}
