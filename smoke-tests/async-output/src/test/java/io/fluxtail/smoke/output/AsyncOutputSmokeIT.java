package io.fluxtail.smoke.output;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application started from its jar with stdout as a pipe the test reads: every line written
 * before a graceful stop arrives, and a stalled pipe loses nothing silently.
 *
 * <p>
 * The tests run at once (junit-platform.properties): each launches its own application.
 */
class AsyncOutputSmokeIT {

	private static final String BURST = "smoke.burst";

	@ParameterizedTest(name = "fluxtail.output.async={0}")
	@ValueSource(booleans = { false, true })
	void everyEventLoggedBeforeAGracefulStopReachesStdoutInEachThreadsOrder(boolean async) {
		// a queue with room for the whole burst: this is about the stop, not about dropping
		try (SmokeApp app = SmokeApp.builder()
			.arg("--fluxtail.request.completion.enabled=false")
			.arg("--fluxtail.output.async=" + async)
			.arg("--fluxtail.output.queue-capacity=131072")
			.start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			assertThat(http.get("/threads?threads=8&events=12500").statusCode()).isEqualTo(200);
			app.stop();
			List<JsonNode> lines = LogLines.parseAll(app.stdout());
			Map<String, Integer> nextSeqByThread = new HashMap<>();
			for (JsonNode line : lines) {
				if (BURST.equals(text(line, "logger"))) {
					int expected = nextSeqByThread.merge(text(line, "thread"), 1, Integer::sum) - 1;
					assertThat(line.get("seq").asInt()).as(line.toString()).isEqualTo(expected);
				}
			}
			assertThat(nextSeqByThread).hasSize(8).allSatisfy((thread, count) -> assertThat(count).isEqualTo(12_500));
			// lines logged during the shutdown are written after the burst, and before the exit
			assertThat(lines.subList(lines.size() - 3, lines.size()))
				.anyMatch((line) -> "Graceful shutdown complete".equals(text(line, "message")));
		}
	}

	@Test
	void stalledStdoutNeverHoldsTheCallerPastTheBoundAndEveryLostEventIsReported() {
		try (SmokeApp app = startWithASmallQueue()) {
			SmokeHttp http = new SmokeHttp(app.port());
			JsonNode burst = burstWithStdoutStalled(app, http);
			// WARN events waited at most 200 ms for room; the rest of the margin is for a busy machine
			assertThat(burst.get("slowestCallMillis").asDouble()).isLessThan(1200);
			app.resumeStdout();
			// A stop before the writer has caught up would find the queue still full: the shutdown's
			// own INFO lines would be dropped and counted with the burst's (1,802 INFO for 1,800).
			awaitEmptyQueue(http);
			app.stop();
			assertThat(LogLines.parseAll(app.stdout()))
				.anyMatch((line) -> "Graceful shutdown complete".equals(text(line, "message")));
			assertThat(accountedBurst(app)).isEqualTo(logged(burst));
		}
	}

	@Test
	void linesLoggedByAStopWhileStdoutIsStalledAreCountedToo() throws InterruptedException {
		try (SmokeApp app = startWithASmallQueue()) {
			SmokeHttp http = new SmokeHttp(app.port());
			JsonNode burst = burstWithStdoutStalled(app, http);
			// SIGTERM with the queue still full: the shutdown's own lines are dropped; stdout is read
			// again well within the stop's timeout (5 s), so that the stop drains the queue
			Thread reader = new Thread(() -> {
				try {
					Thread.sleep(2000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				app.resumeStdout();
			});
			reader.start();
			app.stop();
			reader.join();
			// Spring Boot's two INFO lines, "Commencing graceful shutdown..." and "Graceful shutdown
			// complete", are counted with the burst's: a report counts by level, whatever the logger
			assertThat(app.stdout()).noneMatch((line) -> line.contains("raceful shutdown"));
			Map<String, Integer> expected = logged(burst);
			expected.merge("INFO", 2, Integer::sum);
			assertThat(accountedBurst(app)).isEqualTo(expected);
		}
	}

	private static SmokeApp startWithASmallQueue() {
		return SmokeApp.builder()
			.arg("--fluxtail.request.completion.enabled=false")
			.arg("--logging.level.smoke.burst=DEBUG")
			.arg("--fluxtail.output.async=true")
			.arg("--fluxtail.output.queue-capacity=64")
			.arg("--fluxtail.output.max-block=200ms")
			.start();
	}

	/**
	 * Logs one event, stalls stdout, then logs 3,000 events of mixed levels.
	 * @return what the burst logged and its slowest call
	 */
	private static JsonNode burstWithStdoutStalled(SmokeApp app, SmokeHttp http) {
		// the first request's own startup lines (DispatcherServlet) are written before the stall
		assertThat(http.get("/levels?events=1").statusCode()).isEqualTo(200);
		app.pauseStdout();
		HttpResponse<String> response = http.get("/levels?events=3000");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode burst = LogLines.parse(response.body());
		System.out.println("Slowest logging call with stdout stalled: " + burst.get("slowestCallMillis") + " ms");
		return burst;
	}

	private static void awaitEmptyQueue(SmokeHttp http) {
		await("the output queue empty after stdout is read again").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> LogLines.parse(http.get("/queue").body()).get("queued").asInt() == 0);
	}

	/**
	 * @return the burst's events by level, and the first request's one WARN
	 */
	private static Map<String, Integer> logged(JsonNode burst) {
		Map<String, Integer> logged = new TreeMap<>();
		burst.get("logged").properties().forEach((level) -> logged.put(level.getKey(), level.getValue().asInt()));
		logged.merge("WARN", 1, Integer::sum);
		return logged;
	}

	/**
	 * Adds, by level, the burst's lines on stdout and the events the reports say were dropped,
	 * whatever their logger: a report counts by level only.
	 */
	private static Map<String, Integer> accountedBurst(SmokeApp app) {
		Map<String, Integer> accounted = new TreeMap<>();
		List<JsonNode> reports = LogLines.parseAll(app.stdout())
			.stream()
			.filter((line) -> {
				if (BURST.equals(text(line, "logger"))) {
					accounted.merge(text(line, "level"), 1, Integer::sum);
				}
				return "io.fluxtail.output".equals(text(line, "logger"));
			})
			.toList();
		LogLines.assertContract(reports, LogLines.CONTRACT);
		assertThat(reports).isNotEmpty().allSatisfy((report) -> {
			assertThat(text(report, "level")).isEqualTo("WARN");
			assertThat(text(report, "service")).isEqualTo("smoke-async-output");
			assertThat(text(report, "dropped_since")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			report.properties().forEach((field) -> {
				if (field.getKey().matches("dropped_(debug|info|warn|error)")) {
					accounted.merge(field.getKey().substring("dropped_".length()).toUpperCase(), field.getValue().asInt(),
							Integer::sum);
				}
			});
		});
		return accounted;
	}

}
