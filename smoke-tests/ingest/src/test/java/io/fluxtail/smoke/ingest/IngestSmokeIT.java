package io.fluxtail.smoke.ingest;

import java.net.http.HttpResponse;
import java.util.List;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import io.fluxtail.smoke.ingest.LoopbackOtlpLogs.Record;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipping as a user turns it on: two environment variables, the application's real stdout next
 * to what a loopback OTLP server received.
 */
class IngestSmokeIT {

	private static final String API_KEY = "flx_live_Smk4Qe8Tz2Wv6Yb1Nc5Hd9Lp";

	@Test
	void theRequestsLinesShipAsTheConsoleWritesThemAndAGracefulStopFlushes() {
		try (LoopbackOtlpLogs ingest = LoopbackOtlpLogs.answering();
				SmokeApp app = SmokeApp.builder()
					.env("FLUXTAIL_INGEST_URL", ingest.url())
					.env("FLUXTAIL_API_KEY", API_KEY)
					.start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			assertThat(http.get("/orders/42", "X-Request-Id", "req-smoke-ship").statusCode()).isEqualTo(200);
			assertThat(http.get("/fail", "X-Request-Id", "req-smoke-fail").statusCode()).isEqualTo(500);
			HttpResponse<String> endpoint = http.get("/actuator/fluxtail");
			app.stop();

			List<JsonNode> lines = LogLines.parseAll(app.stdout());
			List<Record> shipped = ingest.records();
			JsonNode loadedLine = onlyLine(lines, "order loaded");
			Record loaded = onlyRecord(shipped, "order loaded");
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

			assertThat(ingest.authorizations()).isNotEmpty().allMatch(("Bearer " + API_KEY)::equals);
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

	private static JsonNode onlyLine(List<JsonNode> lines, String message) {
		List<JsonNode> matching = lines.stream().filter((line) -> message.equals(text(line, "message"))).toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	private static Record onlyRecord(List<Record> records, String message) {
		List<Record> matching = records.stream().filter((record) -> record.message().equals(message)).toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

}
