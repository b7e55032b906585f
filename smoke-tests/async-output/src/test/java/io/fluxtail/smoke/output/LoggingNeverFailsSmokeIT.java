package io.fluxtail.smoke.output;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging never fails the application, and nothing is lost without a word: values that throw
 * {@link Error}s, values changed right after the call, a value that is slow to read, and a
 * stop while nobody reads stdout, on the application started from its jar.
 *
 * <p>
 * The two parameterized runs and the nested one run at once (junit-platform.properties): each
 * launches its own application.
 */
class LoggingNeverFailsSmokeIT {

	private static final String VALUES = "smoke.values";

	private static final String BURST = "smoke.burst";

	private static final String MUTATED = "req-mutated-1";

	/**
	 * One run of the application for two checks on its stdout, told apart by request id: values
	 * that throw {@link Error}s, and values changed right after the call.
	 */
	@ParameterizedTest(name = "fluxtail.output.async={0}")
	@ValueSource(booleans = { false, true })
	void aValueThatThrowsAnErrorFailsNothingAndAValueChangedAfterTheCallIsWrittenAsAtTheCall(boolean async) {
		try (SmokeApp app = SmokeApp.builder()
			.arg("--fluxtail.request.completion.enabled=false")
			.arg("--fluxtail.output.async=" + async)
			.arg("--management.endpoints.web.exposure.include=health,configprops")
			.arg("--management.endpoint.health.show-components=always")
			.start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			assertThat(http.get("/fragile", "X-Request-Id", "req-fragile-1").statusCode()).isEqualTo(200);
			assertThat(http.get("/threads?threads=1&events=300").statusCode()).isEqualTo(200);
			if (async) {
				JsonNode health = LogLines.parse(http.get("/actuator/health").body());
				assertThat(health.get("components").get("fluxtailOutput").get("status").asString()).isEqualTo("UP");
				assertThat(http.get("/actuator/configprops/fluxtail.output").body()).contains("\"fluxtail.output\"")
					.contains("shutdownTimeout");
			}
			assertThat(http.get("/mutated?events=200", "X-Request-Id", MUTATED).statusCode()).isEqualTo(200);
			app.stop();
			List<JsonNode> lines = LogLines.parseAll(app.stdout());
			List<JsonNode> minimal = lines.stream()
				.filter((line) -> VALUES.equals(text(line, "logger")) && !MUTATED.equals(text(line, "request_id")))
				.toList();
			assertThat(minimal).extracting((line) -> text(line, "message"))
				.containsExactly("payment captured", "route resolved");
			assertThat(minimal).allSatisfy((line) -> {
				assertThat(text(line, "encoder_error")).isNotEmpty();
				assertThat(text(line, "service")).isEqualTo("smoke-async-output");
				assertThat(text(line, "env")).isEqualTo("smoke");
				assertThat(text(line, "request_id")).isEqualTo("req-fragile-1");
			});
			assertThat(minimal.get(0).get("encoder_error").asString()).isEqualTo(AssertionError.class.getName());
			assertThat(lines.stream().filter((line) -> BURST.equals(text(line, "logger")))).hasSize(300);
			assertThat(app.stderr()).noneMatch((line) -> line.contains("fluxtail-output"));

			List<JsonNode> mutated = lines.stream()
				.filter((line) -> VALUES.equals(text(line, "logger")) && MUTATED.equals(text(line, "request_id")))
				.toList();
			assertThat(mutated).hasSize(200);
			for (int i = 0; i < mutated.size(); i++) {
				JsonNode line = mutated.get(i);
				assertThat(line.get("cart").get("state").asString()).as(line.toString()).isEqualTo("open");
				assertThat(line.get("cart").get("seq").asInt()).isEqualTo(i);
				assertThat(line.get("items")).hasSize(i + 1);
			}
		}
	}

	/**
	 * One run of the application with asynchronous output for two checks in turn: a value that is
	 * slow to read, then a stop while nobody reads stdout. Neither is about the lines from the
	 * application's start, and only the second stops it; its shutdown timeout does not matter to
	 * the first, which does not stop.
	 */
	@Nested
	@TestInstance(Lifecycle.PER_CLASS)
	@TestMethodOrder(OrderAnnotation.class)
	@Execution(ExecutionMode.SAME_THREAD)
	class OneAsyncRunThenItsStop {

		private final Duration shutdownTimeout = Duration.ofSeconds(2);

		private SmokeApp app;

		private SmokeHttp http;

		@BeforeAll
		void start() {
			this.app = SmokeApp.builder()
				.arg("--fluxtail.request.completion.enabled=false")
				.arg("--fluxtail.output.async=true")
				.arg("--fluxtail.output.shutdown-timeout=" + this.shutdownTimeout.toMillis() + "ms")
				.start();
			this.http = new SmokeHttp(this.app.port());
		}

		@AfterAll
		void close() {
			if (this.app != null) {
				this.app.close();
			}
		}

		@Test
		@Order(1)
		void aValueThatIsSlowToReadCostsItsCallerNotTheOutput() throws Exception {
			SmokeApp app = this.app;
			SmokeHttp http = this.http;
			CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> http.get("/slow"));
			try {
				app.awaitJsonLine((line) -> "slow report started".equals(text(line, "message")));
				assertThat(http.get("/threads?threads=1&events=2000").statusCode()).isEqualTo(200);
				app.awaitStdoutCount(2000, (line) -> line.contains("\"logger\":\"smoke.burst\""));
				// every burst line was written while the slow value was still being read, in its request
				assertThat(slow).isNotDone();
			}
			finally {
				// the read lasts until now (30 s at most), passed or not: the stop that follows waits for no request
				http.get("/slow/release");
			}
			assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			JsonNode built = app.awaitJsonLine((line) -> "slow report built".equals(text(line, "message")));
			assertThat(built.get("report").get("summary").asString()).isEqualTo("done");
		}

		@Test
		@Order(2)
		void aStopWhileNobodyReadsStdoutEndsWithinTheShutdownTimeoutAndCountsWhatWasLeftOnStderr()
				throws Exception {
			SmokeApp app = this.app;
			SmokeHttp http = this.http;
			Duration shutdownTimeout = this.shutdownTimeout;
			assertThat(http.get("/levels?events=1").statusCode()).isEqualTo(200);
			app.pauseStdout();
			// far more than the pipe holds: the writer blocks in a write to stdout
			assertThat(http.get("/threads?threads=1&events=20000").statusCode()).isEqualTo(200);
			Thread.sleep(500);
			// SIGTERM from outside the JVM, timed to the process's exit
			ProcessHandle process = ProcessHandle.of(app.pid()).orElseThrow();
			long signalled = System.nanoTime();
			new ProcessBuilder("kill", "-TERM", Long.toString(app.pid())).inheritIO().start().waitFor();
			process.onExit().get(60, TimeUnit.SECONDS);
			Duration took = Duration.ofNanos(System.nanoTime() - signalled);
			System.out.println("SIGTERM to exit with stdout blocked, shutdown-timeout " + shutdownTimeout + ": "
					+ took.toMillis() + " ms");
			app.resumeStdout();
			app.awaitExit(Duration.ofSeconds(30));
			// the timeout, plus the grace for the final line and the context's own close
			assertThat(took).isLessThan(shutdownTimeout.plusSeconds(4));
			List<JsonNode> reports = app.stderr()
				.stream()
				.filter((line) -> line.startsWith("{") && line.contains("Log output was blocked at shutdown"))
				.map(LogLines::parse)
				.toList();
			assertThat(reports).singleElement().satisfies((report) -> {
				assertThat(text(report, "level")).isEqualTo("WARN");
				assertThat(text(report, "service")).isEqualTo("smoke-async-output");
				assertThat(report.path("unwritten_in_flight").asInt()).isPositive();
			});
		}

	}

}
