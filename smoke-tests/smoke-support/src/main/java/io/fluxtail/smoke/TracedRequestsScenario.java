package io.fluxtail.smoke;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario of a traced shape: concurrent requests, each with its own id, over handlers that
 * hop threads and call the application itself, and one that fails; then every line of the run follows the contract,
 * every line of a request carries that request's id and one trace, and the endpoint names the
 * tracer and describes every field seen.
 *
 * @param handlers the paths to call in turn, each answering its {@code probe}
 * @param linesPerRound how many probed lines one call of each handler writes
 * @param service the application's {@code service}
 * @param tracingSource the tracing source the endpoint must report
 */
public record TracedRequestsScenario(List<String> handlers, int linesPerRound, String service, String tracingSource) {

	private static final int REQUESTS = 500;

	/**
	 * Runs the scenario against the module's application.
	 */
	public void run() {
		try (SmokeApp app = SmokeApp.builder().start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			http.callEachWithItsOwnId(this.handlers, REQUESTS, 16);
			assertThat(http.get("/fail?probe=fail-1", "X-Request-Id", "fail-1").statusCode()).isEqualTo(500);
			app.awaitStdoutCount(REQUESTS + 1, (line) -> line.contains("\"request completed\""));
			JsonNode endpoint = LogLines.parse(http.get("/actuator/fluxtail").body());
			app.stop();

			List<JsonNode> lines = ContractChecks.assertWholeRunFollowsTheContract(app, this.service);
			List<JsonNode> probed = LogLines.probed(lines);
			assertThat(LogLines.withForeignOrMissingId(probed)).as("lines with a foreign or missing request_id").isEmpty();
			// plus the line /fail writes before it throws
			assertThat(probed).hasSize(REQUESTS / this.handlers.size() * this.linesPerRound + 1);
			ContractChecks.assertOneTracePerRequest(probed);
			ContractChecks.assertOneTracePerRequest(
					lines.stream().filter((line) -> "request completed".equals(text(line, "message"))).toList());
			assertThat(endpoint.get("tracing").get("source").asString()).isEqualTo(this.tracingSource);
			ContractChecks.assertEndpointDescribesTheLines(endpoint, lines, Set.of("probe", "received_request_id", "debug_token_received"),
					Set.of());
		}
	}

}
