package io.fluxtail.smoke;

import java.net.http.HttpResponse;
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
 * {@link IllegalStateException}.
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
				Set.of(LogLines.PROBE, "received_request_id"), Set.of());
		assertThat(endpoint.get("tracing").get("source").asString()).isEqualTo("traceparent");
		assertSwitches(endpoint.get("request"));
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
