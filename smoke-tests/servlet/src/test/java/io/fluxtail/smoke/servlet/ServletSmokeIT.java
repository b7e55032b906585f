package io.fluxtail.smoke.servlet;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fluxtail.smoke.ContractChecks;
import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet application started from its jar, checked on its real stdout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServletSmokeIT {

	private static final List<String> HANDLERS = List.of("/async", "/callable", "/deferred", "/chain", "/hello");

	private static SmokeApp app;

	private static SmokeHttp http;

	@BeforeAll
	static void start() {
		app = SmokeApp.builder().start();
		http = new SmokeHttp(app.port());
	}

	@AfterAll
	static void close() {
		app.close();
	}

	@Test
	@Order(1)
	void concurrentRequestsKeepTheirOwnIdOnEveryLineWhateverThreadWritesIt() {
		int requests = 600;
		http.callEachWithItsOwnId(HANDLERS, requests, 16);
		app.awaitStdoutCount(requests, (line) -> line.contains("\"request completed\""));

		List<JsonNode> probed = LogLines.probed(LogLines.parseAll(app.stdout()));
		assertThat(LogLines.withForeignOrMissingId(probed)).as("lines with a foreign or missing request_id").isEmpty();
		// /chain writes 3 lines (two upstream, one downstream), /async, /callable 2, /deferred and /hello 1
		assertThat(probed).hasSize(requests / 5 * (2 + 2 + 1 + 3 + 1));
		Map<String, Set<String>> threadsByMessage = LogLines.threadKindsByMessage(probed, ServletSmokeIT::threadKind);
		assertThat(threadsByMessage.get("async work done")).containsExactly("task");
		assertThat(threadsByMessage.get("deferred result set")).containsExactly("task");
		assertThat(threadsByMessage.get("handing over to @Async")).containsExactly("http");
		assertThat(threadsByMessage.get("callable ran")).doesNotContain("http");
	}

	@Test
	@Order(2)
	void theIdIsSentDownstreamByRestClient() {
		HttpResponse<String> response = http.get("/chain?probe=chain-1", "X-Request-Id", "chain-1");

		assertThat(response.body()).as("X-Request-Id received downstream").isEqualTo("chain-1");
		app.awaitJsonLine((line) -> "downstream called".equals(text(line, "message"))
				&& "chain-1".equals(text(line, "received_request_id")));
	}

	@Test
	@Order(3)
	void aFailingHandlerKeepsItsIdOnTheErrorLinesAndTheCompletionIsAnError() {
		HttpResponse<String> response = http.get("/fail?probe=fail-1", "X-Request-Id", "fail-1");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("fail-1");
		JsonNode completion = app.awaitJsonLine((line) -> "request completed".equals(text(line, "message"))
				&& "fail-1".equals(text(line, "request_id")));
		assertThat(text(completion, "level")).isEqualTo("ERROR");
		assertThat(completion.get("http_status").asInt()).isEqualTo(500);
		assertThat(text(completion, "outcome")).isEqualTo("SERVER_ERROR");
		JsonNode springError = app.awaitJsonLine((line) -> "smoke failure for fail-1".equals(text(line, "error_message")));
		assertThat(text(springError, "request_id")).isEqualTo("fail-1");
		assertThat(text(springError, "error_type")).isEqualTo("java.lang.IllegalStateException");
		assertThat(text(springError, "stack_trace")).contains("IllegalStateException");
	}

	@Test
	@Order(4)
	void anInvalidInboundIdIsReplacedAndNeverWritten() {
		String invalid = "bad id \u00e9 <script>";
		HttpResponse<String> response = http.get("/hello?probe=invalid-1", "X-Request-Id", invalid);

		String echoed = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(echoed).matches("req-[0-9a-f]{16}");
		JsonNode line = app.awaitJsonLine((candidate) -> "invalid-1".equals(text(candidate, "probe")));
		assertThat(text(line, "request_id")).isEqualTo(echoed);
		assertThat(app.stdout()).noneMatch((raw) -> raw.contains("<script>"));
	}

	@Test
	@Order(5)
	void theEndpointDescribesExactlyTheFieldsOnTheLines() {
		JsonNode endpoint = LogLines.parse(http.get("/actuator/fluxtail").body());
		ContractChecks.assertEndpointDescribesTheLines(endpoint, LogLines.parseAll(app.stdout()),
				Set.of("probe", "received_request_id"), Set.of("trace_id", "span_id"));
		JsonNode request = endpoint.get("request");
		assertThat(request.get("taskPropagation").asBoolean()).isTrue();
		assertThat(request.get("outboundPropagation").asBoolean()).isTrue();
		assertThat(endpoint.get("tracing").get("source").asString()).isEqualTo("traceparent");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void everyLineFromJvmStartToExitIsOneJsonObjectWithTheContract() {
		app.stop();
		List<JsonNode> lines = ContractChecks.assertWholeRunFollowsTheContract(app, "smoke-servlet");

		assertThat(lines).allMatch((line) -> "smoke".equals(text(line, "env")));
		assertThat(lines).noneMatch((line) -> line.has("instance"));
	}

	private static String threadKind(String thread) {
		if (thread.startsWith("http-nio-")) {
			return "http";
		}
		return thread.startsWith("task-") ? "task" : thread;
	}

}
