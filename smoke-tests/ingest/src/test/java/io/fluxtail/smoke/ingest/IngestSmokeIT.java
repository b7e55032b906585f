package io.fluxtail.smoke.ingest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import io.fluxtail.smoke.ingest.LoopbackOtlpLogs.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipping as a user turns it on: two environment variables, the application's real stdout next
 * to what a loopback OTLP server received.
 *
 * <p>
 * The tests run three at a time (junit-platform.properties): each launches its own application
 * with its own loopback ingest.
 */
class IngestSmokeIT {

	private static final String API_KEY = "flx_live_Smk4Qe8Tz2Wv6Yb1Nc5Hd9Lp";

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SIGNATURE = "sig=Zq8sAsS1gn4tuR3Xc7";

	@Test
	void theRequestsLinesShipAsTheConsoleWritesThemAndAGracefulStopFlushes() {
		try (LoopbackOtlpLogs ingest = LoopbackOtlpLogs.answering();
				SmokeApp app = SmokeApp.builder()
					.env("FLUXTAIL_INGEST_URL", ingest.url())
					.env("FLUXTAIL_API_KEY", API_KEY)
					.arg("--management.endpoints.web.exposure.include=health,fluxtail,env,configprops")
					.arg("--management.endpoint.env.show-values=always")
					.arg("--management.endpoint.configprops.show-values=always")
					.start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			assertThat(http.get("/orders/42", "X-Request-Id", "req-smoke-ship").statusCode()).isEqualTo(200);
			assertThat(http.get("/fail", "X-Request-Id", "req-smoke-fail").statusCode()).isEqualTo(500);
			// a caller's trace and no tracer in the application: the line has a trace id and no span id
			assertThat(http.get("/orders/7", "X-Request-Id", "req-smoke-traced", "traceparent",
					"00-" + TRACE_ID + "-00f067aa0ba902b7-01").statusCode()).isEqualTo(200);
			HttpResponse<String> endpoint = http.get("/actuator/fluxtail");
			String env = http.get("/actuator/env").body();
			String configprops = http.get("/actuator/configprops").body();
			app.stop();

			List<JsonNode> lines = LogLines.parseAll(app.stdout());
			List<Record> shipped = ingest.records();
			JsonNode loadedLine = onlyLine(lines, "order loaded", "req-smoke-ship");
			Record loaded = onlyRecord(shipped, "order loaded", "req-smoke-ship");
			assertThat(loaded.attributes()).containsEntry("request_id", "req-smoke-ship")
				.containsEntry("order_id", text(loadedLine, "order_id"))
				.containsEntry("card", text(loadedLine, "card"))
				.containsEntry("card", "[REDACTED:card]");
			assertThat(loaded.resource()).containsEntry("service.name", "smoke-ingest")
				.containsEntry("deployment.environment.name", "smoke")
				.containsEntry("fluxtail.stream", "smoke-ingest");
			assertThat(loaded.logger()).isEqualTo(text(loadedLine, "logger"));
			Record failed = shipped.stream()
				.filter((record) -> record.message().equals("request completed")
						&& "req-smoke-fail".equals(record.attributes().get("request_id")))
				.findFirst()
				.orElseThrow();
			assertThat(failed.level()).isEqualTo("ERROR");
			assertThat(failed.attributes()).containsEntry("http_status", "500");
			assertThat(shipped).anySatisfy((record) -> assertThat(record.attributes())
				.containsEntry("exception.type", "java.lang.IllegalStateException")
				.containsEntry("exception.message", "payment gateway unavailable"));
			// written while the web server shut down, delivered by the graceful stop
			assertThat(Record.messages(shipped)).contains("Graceful shutdown complete");
			assertThat(Record.messages(shipped)).allSatisfy((message) -> assertThat(lines)
				.anyMatch((line) -> message.equals(text(line, "message"))));

			JsonNode tracedLine = onlyLine(lines, "order loaded", "req-smoke-traced");
			assertThat(text(tracedLine, "trace_id")).isEqualTo(TRACE_ID);
			assertThat(text(tracedLine, "span_id")).isIn(null, "-");
			Record traced = onlyRecord(shipped, "order loaded", "req-smoke-traced");
			assertThat(traced.traceId()).isEqualTo(TRACE_ID);
			assertThat(traced.spanId()).isEmpty();

			assertThat(ingest.authorizations()).isNotEmpty().allMatch(("Bearer " + API_KEY)::equals);
			// shown with show-values=always, but never the key
			assertThat(env).contains("FLUXTAIL_API_KEY").doesNotContain(API_KEY);
			assertThat(configprops).contains("\"prefix\":\"fluxtail.ingest\"").doesNotContain(API_KEY);
			assertThat(String.join("\n", app.stdout()) + String.join("\n", app.stderr())).doesNotContain(API_KEY);
			assertThat(endpoint.body()).doesNotContain(API_KEY).contains("\"destination\":\"" + ingest.url() + "\"");
		}
	}

	@Test
	void anIngestThatNeverAnswersHoldsNeitherRequestsNorTheStop() {
		try (LoopbackOtlpLogs ingest = LoopbackOtlpLogs.neverAnswering();
				SmokeApp app = SmokeApp.builder()
					.env("FLUXTAIL_INGEST_URL", ingest.url())
					.arg("--fluxtail.ingest.timeout=60s")
					.arg("--fluxtail.ingest.flush-interval=50ms")
					.start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			for (int i = 0; i < 100; i++) {
				assertThat(http.get("/orders/" + i).statusCode()).isEqualTo(200);
			}
			app.stop();

			assertThat(ingest.authorizations()).isNotEmpty();
			assertThat(LogLines.parseAll(app.stdout()))
				.anyMatch((line) -> "Graceful shutdown complete".equals(text(line, "message")));
		}
	}

	/** The final line is written before logging shuts down, the console's queue (async) included. */
	@ParameterizedTest(name = "fluxtail.output.async={0}")
	@ValueSource(booleans = { false, true })
	void anIngestDownAtStopIsRetriedWithBackoffAndTheStopSaysWhatWasNotDelivered(boolean async) throws Exception {
		try (LoopbackOtlpLogs ingest = LoopbackOtlpLogs.unavailableRetryAtOnce();
				SmokeApp app = SmokeApp.builder()
					.env("FLUXTAIL_INGEST_URL", ingest.url())
					.env("FLUXTAIL_API_KEY", API_KEY)
					.arg("--fluxtail.ingest.flush-interval=50ms")
					.arg("--fluxtail.ingest.stop-timeout=2s")
					.arg("--fluxtail.output.async=" + async)
					.start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			for (int i = 0; i < 20; i++) {
				assertThat(http.get("/orders/" + i).statusCode()).isEqualTo(200);
			}
			ingest.awaitFirstRequest(Duration.ofSeconds(20));
			Thread.sleep(4000);
			// Retry-After: 0 asks for no wait, the backoff (500 ms, doubling) still applies: at most
			// 5 requests in 4 s where a loop sent thousands
			assertThat(ingest.requestsWithin(Duration.ofSeconds(4))).isBetween(2L, 6L);
			JsonNode before = LogLines.parse(http.get("/actuator/fluxtail").body()).get("ingest");
			assertThat(before.get("sent").asLong()).isZero();
			assertThat(before.get("inFlight").asInt()).as("the batch under retry").isPositive();
			assertThat(before.get("undelivered").asLong()).isZero();

			long stopping = System.nanoTime();
			app.stop();
			Duration stop = Duration.ofNanos(System.nanoTime() - stopping);

			System.out.println("Ingest down at stop, fluxtail.output.async=" + async + ": "
					+ ingest.requestsWithin(Duration.ofSeconds(4)) + " requests in 4 s, stop " + stop.toMillis() + " ms");
			// the ingest's share is bounded by its 2 s stop timeout; the rest is the JVM's own shutdown
			assertThat(stop).isLessThan(Duration.ofSeconds(12));
			List<JsonNode> lines = LogLines.parseAll(app.stdout());
			List<JsonNode> finalLines = lines.stream()
				.filter((line) -> String.valueOf(text(line, "message")).startsWith("Fluxtail ingest stopped with"))
				.toList();
			assertThat(finalLines).hasSize(1);
			JsonNode last = finalLines.get(0);
			LogLines.assertContract(finalLines, LogLines.CONTRACT);
			assertThat(text(last, "level")).isEqualTo("WARN");
			assertThat(text(last, "logger")).isEqualTo("io.fluxtail.ingest");
			long undelivered = last.get("undelivered").asLong();
			// every request wrote 'order loaded' and its completion, none of them delivered
			assertThat(undelivered).isGreaterThanOrEqualTo(40)
				.isGreaterThanOrEqualTo(before.get("queueSize").asLong() + before.get("inFlight").asLong());
			assertThat(text(last, "message")).contains(undelivered + " events not delivered", "shutdown=");
			assertThat(String.join("\n", app.stdout()) + String.join("\n", app.stderr())).doesNotContain(API_KEY);
		}
	}

	@Test
	void aQueryInTheUrlFailsStartupWithAReportThatDoesNotShowIt() {
		try (SmokeApp app = SmokeApp.builder()
			.env("FLUXTAIL_INGEST_URL", "https://ingest.example/v1/logs?sv=2026-01-01&" + SIGNATURE)
			.launch()) {
			assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();

			String report = failureReport(app);
			assertThat(report).contains("for configuration property 'fluxtail.ingest.url'",
					"System Environment Property", "FLUXTAIL_INGEST_URL", "Must not carry credentials or a query");
			assertThat(String.join("\n", app.stdout()) + String.join("\n", app.stderr())).doesNotContain(SIGNATURE)
				.doesNotContain("sv=2026");
		}
	}

	@Test
	void aLineBreakInTheKeyFailsStartupNamingTheVariableNotTheKey() {
		try (LoopbackOtlpLogs ingest = LoopbackOtlpLogs.answering();
				SmokeApp app = SmokeApp.builder()
					.env("FLUXTAIL_INGEST_URL", ingest.url())
					.env("FLUXTAIL_API_KEY", "flx_live_Smk4Qe8T\nz2Wv6Yb1Nc5Hd9Lp")
					.launch()) {
			assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();

			assertThat(failureReport(app)).contains("for configuration property 'FLUXTAIL_API_KEY'",
					"Must be usable as an HTTP header value");
			assertThat(String.join("\n", app.stdout()) + String.join("\n", app.stderr()))
				.doesNotContain("Smk4Qe8T")
				.doesNotContain("z2Wv6Yb1Nc5Hd9Lp");
			assertThat(ingest.authorizations()).isEmpty();
		}
	}

	private static String failureReport(SmokeApp app) {
		return LogLines.parseAll(app.stdout())
			.stream()
			.map((line) -> String.valueOf(text(line, "message")))
			.filter((message) -> message.contains("APPLICATION FAILED TO START"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No failure report in:\n" + String.join("\n", app.stdout())));
	}

	private static JsonNode onlyLine(List<JsonNode> lines, String message, String requestId) {
		List<JsonNode> matching = lines.stream()
			.filter((line) -> message.equals(text(line, "message")) && requestId.equals(text(line, "request_id")))
			.toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	private static Record onlyRecord(List<Record> records, String message, String requestId) {
		List<Record> matching = records.stream()
			.filter((record) -> record.message().equals(message)
					&& requestId.equals(record.attributes().get("request_id")))
			.toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
