package io.fluxtail.smoke;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-context promises every web shape keeps, checked on one run of the shape's
 * application: a concurrent load where each call has its own id, the id and an inbound
 * {@code traceparent} through a call to the application itself, a failing handler, an invalid
 * inbound id, the endpoint against the lines, and every line from JVM start to exit. A shape
 * names its handlers and where their lines must run.
 *
 * <p>
 * The application's handlers log, as {@code probe}, the id the client sent;
 * {@code /chain?probe=} calls {@code /downstream} through the application's HTTP client and logs
 * {@code downstream answered}; {@code /fail} logs once and throws an
 * {@link IllegalStateException}; {@code /debug?probe=&failure=} writes five DEBUG lines
 * ({@code debug step 1} to {@code 5}, some on another thread, then {@code charging card} with a
 * card number) and then throws
 * ({@code failure=throw}), logs an ERROR ({@code error}) or answers. The applications run with
 * debug-on-error on and debug on demand keyed with {@link DebugTokenMint#SMOKE_KEY}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class RequestContextSmokeTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final int REQUESTS = 600;

	private SmokeApp app;

	private SmokeHttp http;

	/**
	 * Returns the handlers the concurrent load calls in turn.
	 * @return handler paths that answer their probe
	 */
	protected abstract List<String> handlers();

	/**
	 * Returns how many probed lines one call of each handler writes together.
	 * @return the lines per round of calls
	 */
	protected abstract int probedLinesPerRound();

	/**
	 * Checks on which kinds of thread the handlers' lines were written.
	 * @param threadKindsByMessage the kinds of thread by message
	 */
	protected abstract void assertThreadHops(Map<String, Set<String>> threadKindsByMessage);

	/**
	 * Names the kind of a thread, such as {@code http} for {@code http-nio-8080-exec-1}.
	 * @param thread a thread name
	 * @return its kind
	 */
	protected abstract String threadKind(String thread);

	/**
	 * Checks the request switches the endpoint reports for this shape.
	 * @param request the endpoint's {@code request} object
	 */
	protected abstract void assertSwitches(JsonNode request);

	/**
	 * Returns the application's {@code service}.
	 * @return the service name
	 */
	protected abstract String service();

	/**
	 * Returns the running application, for a shape's own tests.
	 * @return the application
	 */
	protected SmokeApp app() {
		return this.app;
	}

	/**
	 * Returns how the application is started, for a shape that runs it with JVM options of its own.
	 * @return the builder the application is started from
	 */
	protected SmokeApp.Builder application() {
		return SmokeApp.builder();
	}

	@BeforeAll
	void start() {
		this.app = application().start();
		this.http = new SmokeHttp(this.app.port());
	}

	@AfterAll
	void close() {
		this.app.close();
	}

	@Test
	@Order(1)
	void concurrentRequestsKeepTheirOwnIdOnEveryLineWhateverThreadWritesIt() {
		this.http.callEachWithItsOwnId(handlers(), REQUESTS, 16);
		this.app.awaitStdoutCount(REQUESTS, (line) -> line.contains("\"request completed\""));

		List<JsonNode> probed = LogLines.probed(LogLines.parseAll(this.app.stdout()));
		assertThat(LogLines.withForeignOrMissingId(probed)).as("lines with a foreign or missing request_id").isEmpty();
		assertThat(probed).hasSize(REQUESTS / handlers().size() * probedLinesPerRound());
		assertThreadHops(LogLines.threadKindsByMessage(probed, this::threadKind));
	}

	@Test
	@Order(2)
	void theIdIsSentDownstreamAndAnInboundTraceparentGivesTheTraceId() {
		HttpResponse<String> response = this.http.get("/chain?probe=chain-1", "X-Request-Id", "chain-1", "traceparent",
				"00-" + TRACE_ID + "-00f067aa0ba902b7-01");

		assertThat(response.body()).as("X-Request-Id received downstream").isEqualTo("chain-1");
		JsonNode answered = this.app.awaitJsonLine((line) -> "downstream answered".equals(text(line, "message"))
				&& "chain-1".equals(text(line, "probe")));
		assertThat(text(answered, "request_id")).isEqualTo("chain-1");
		assertThat(text(answered, "trace_id")).as("trace id of the inbound traceparent").isEqualTo(TRACE_ID);
	}

	@Test
	@Order(3)
	void aFailingHandlerKeepsItsIdOnTheErrorLinesAndTheCompletionIsAnError() {
		HttpResponse<String> response = this.http.get("/fail?probe=fail-1", "X-Request-Id", "fail-1");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("fail-1");
		JsonNode completion = this.app.awaitJsonLine((line) -> "request completed".equals(text(line, "message"))
				&& "fail-1".equals(text(line, "request_id")));
		assertThat(text(completion, "level")).isEqualTo("ERROR");
		assertThat(completion.get("http_status").asInt()).isEqualTo(500);
		assertThat(text(completion, "outcome")).isEqualTo("ERROR");
		JsonNode frameworkError = this.app
			.awaitJsonLine((line) -> "smoke failure for fail-1".equals(text(line, "error_message")));
		assertThat(text(frameworkError, "request_id")).isEqualTo("fail-1");
		assertThat(text(frameworkError, "error_type")).isEqualTo("java.lang.IllegalStateException");
		assertThat(text(frameworkError, "stack_trace")).contains("IllegalStateException");
	}

	@Test
	@Order(4)
	void anInvalidInboundIdIsReplacedAndNeverWritten() {
		HttpResponse<String> response = this.http.get("/hello?probe=invalid-1", "X-Request-Id", "bad id \u00e9 <script>");

		String echoed = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(echoed).matches("req-[0-9a-f]{16}");
		JsonNode line = this.app.awaitJsonLine((candidate) -> "invalid-1".equals(text(candidate, "probe")));
		assertThat(text(line, "request_id")).isEqualTo(echoed);
		assertThat(this.app.stdout()).noneMatch((raw) -> raw.contains("<script>"));
	}

	@Test
	@Order(5)
	void theEndpointDescribesExactlyTheFieldsOnTheLinesAndWhatReallyRuns() {
		JsonNode endpoint = LogLines.parse(this.http.get("/actuator/fluxtail").body());

		ContractChecks.assertEndpointDescribesTheLines(endpoint, LogLines.parseAll(this.app.stdout()),
				Set.of(LogLines.PROBE, "received_request_id", "debug_token_received"),
				// no failed request here keeps more lines than its limit
				Set.of("buffered_left_out"));
		assertThat(endpoint.get("tracing").get("source").asString()).isEqualTo("traceparent");
		assertSwitches(endpoint.get("request"));
	}

	@Test
	@Order(6)
	void failingRequestsWriteAllTheirOwnDebugLinesBeforeTheirCompletionAndNoOtherRequestWritesAny() {
		int requests = 500;
		List<HttpResponse<String>> responses = SmokeHttp.concurrently(requests, 50,
				(i) -> this.http.get("/debug?probe=dbg-" + i + ((i % 10 == 0) ? "&failure=throw" : ""), "X-Request-Id",
						"dbg-" + i));
		for (int i = 0; i < requests; i++) {
			assertThat(responses.get(i).statusCode()).as("status of dbg-" + i).isEqualTo((i % 10 == 0) ? 500 : 200);
		}
		this.app.awaitStdoutCount(requests,
				(line) -> line.contains("\"request completed\"") && line.contains("\"request_id\":\"dbg-"));

		List<JsonNode> lines = LogLines.parseAll(this.app.stdout());
		List<JsonNode> debugLines = lines.stream()
			.filter((line) -> text(line, "message").startsWith("debug step ")
					&& String.valueOf(text(line, "probe")).startsWith("dbg-"))
			.toList();
		assertThat(LogLines.withForeignOrMissingId(debugLines)).as("debug lines of another request").isEmpty();
		assertThat(debugLines).as("every line of the 50 failing requests, none of the 450 others")
			.hasSize(requests / 10 * 5)
			.allMatch((line) -> "DEBUG".equals(text(line, "level")) && line.get("buffered").asBoolean());
		for (int i = 0; i < requests; i += 10) {
			String id = "dbg-" + i;
			List<Integer> own = indexes(lines, (line) -> id.equals(text(line, "probe"))
					&& text(line, "message").startsWith("debug step "));
			int completion = indexes(lines, (line) -> "request completed".equals(text(line, "message"))
					&& id.equals(text(line, "request_id"))).get(0);
			assertThat(own).as(id).hasSize(5).allMatch((index) -> index < completion);
			assertThat(own.stream().map((index) -> text(lines.get(index), "message")))
				.containsExactly("debug step 1", "debug step 2", "debug step 3", "debug step 4", "debug step 5");
		}
		assertThat(lines).filteredOn((line) -> text(line, "message").startsWith("charging card "))
			.as("the kept line with a card number, redacted as every line is")
			.hasSize(requests / 10)
			.allMatch((line) -> "charging card [REDACTED:card]".equals(text(line, "message")));
		assertThat(this.app.stdout()).noneMatch((raw) -> raw.contains("4111 1111 1111 1111"));
	}

	@Test
	@Order(7)
	void anErrorLineFailsTheRequestForItsDebugLinesAndAValidTokenWritesThemAtOnce() {
		assertThat(this.http.get("/debug?probe=dbg-error&failure=error", "X-Request-Id", "dbg-error").statusCode())
			.isEqualTo(200);
		String token = DebugTokenMint.mint(DebugTokenMint.SMOKE_KEY, Instant.now().plusSeconds(600), "/debug");
		assertThat(this.http.get("/debug?probe=dbg-token", "X-Request-Id", "dbg-token", "X-Fluxtail-Debug", token)
			.statusCode()).isEqualTo(200);
		this.app.awaitStdoutCount(2, (line) -> line.contains("\"request completed\"")
				&& (line.contains("\"dbg-error\"") || line.contains("\"dbg-token\"")));

		List<JsonNode> lines = LogLines.parseAll(this.app.stdout());
		assertThat(debugSteps(lines, "dbg-error")).hasSize(5).allMatch((line) -> line.get("buffered").asBoolean());
		assertThat(debugSteps(lines, "dbg-token")).hasSize(5).noneMatch((line) -> line.has("buffered"));
		assertThat(this.app.stdout()).noneMatch((raw) -> raw.contains(token.substring(token.lastIndexOf('.') + 1)));
	}

	@Test
	@Order(8)
	void forgedExpiredMalformedAndOtherPathTokensChangeNothingAndAreCountedButNeverWritten() {
		Instant inTenMinutes = Instant.now().plusSeconds(600);
		Map<String, String> tokens = Map.of("dbg-forged", DebugTokenMint.mint("another-key-of-at-least-32-bytes!!", inTenMinutes, null),
				"dbg-expired", DebugTokenMint.mint(DebugTokenMint.SMOKE_KEY, Instant.now().minusSeconds(1), null),
				"dbg-malformed", "please-debug-me", "dbg-other-path",
				DebugTokenMint.mint(DebugTokenMint.SMOKE_KEY, inTenMinutes, "/admin"));
		tokens.forEach((probe, token) -> assertThat(
				this.http.get("/debug?probe=" + probe, "X-Request-Id", probe, "X-Fluxtail-Debug", token).statusCode())
			.isEqualTo(200));
		String valid = DebugTokenMint.mint(DebugTokenMint.SMOKE_KEY, inTenMinutes, null);
		assertThat(this.http.get("/chain?probe=dbg-chain", "X-Request-Id", "dbg-chain", "X-Fluxtail-Debug", valid)
			.statusCode()).isEqualTo(200);
		JsonNode downstream = this.app.awaitJsonLine((line) -> "downstream called".equals(text(line, "message"))
				&& "dbg-chain".equals(text(line, "probe")));
		assertThat(downstream.get("debug_token_received").asBoolean()).as("token sent downstream").isFalse();
		this.app.awaitStdoutCount(tokens.size(), (line) -> line.contains("\"request completed\"")
				&& tokens.keySet().stream().anyMatch((probe) -> line.contains("\"" + probe + "\"")));

		List<JsonNode> lines = LogLines.parseAll(this.app.stdout());
		tokens.keySet().forEach((probe) -> assertThat(debugSteps(lines, probe)).as(probe).isEmpty());
		tokens.values().forEach((token) -> assertThat(this.app.stdout()).noneMatch((raw) -> raw.contains(token)));
		JsonNode debug = LogLines.parse(this.http.get("/actuator/fluxtail").body()).get("debug");
		assertThat(debug.get("onError").asBoolean()).isTrue();
		assertThat(debug.get("tokens").get("forged").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(debug.get("tokens").get("expired").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(debug.get("tokens").get("malformed").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(debug.get("tokens").get("other-path").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(debug.get("tokens").get("accepted").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(debug.get("unitsFlushed").asLong()).isGreaterThanOrEqualTo(51);
		assertThat(debug.get("linesFlushed").asLong()).isGreaterThanOrEqualTo(255);
		assertThat(debug.get("linesDiscarded").asLong()).isGreaterThanOrEqualTo(450 * 5);
		assertThat(debug.get("bytesHeld").asLong()).as("only this endpoint request's own lines (Spring's DEBUG lines)")
			.isLessThan(16 * 1024);
	}

	private static List<JsonNode> debugSteps(List<JsonNode> lines, String probe) {
		return lines.stream()
			.filter((line) -> probe.equals(text(line, "probe")) && text(line, "message").startsWith("debug step "))
			.toList();
	}

	private static List<Integer> indexes(List<JsonNode> lines, java.util.function.Predicate<JsonNode> condition) {
		List<Integer> indexes = new java.util.ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (condition.test(lines.get(i))) {
				indexes.add(i);
			}
		}
		return indexes;
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void everyLineFromJvmStartToExitIsOneJsonObjectWithTheContract() {
		this.app.stop();

		List<JsonNode> lines = ContractChecks.assertWholeRunFollowsTheContract(this.app, service());
		assertThat(lines).allMatch((line) -> "smoke".equals(text(line, "env")));
		assertThat(lines).as("instance without HOSTNAME or property").noneMatch((line) -> line.has("instance"));
	}

}
