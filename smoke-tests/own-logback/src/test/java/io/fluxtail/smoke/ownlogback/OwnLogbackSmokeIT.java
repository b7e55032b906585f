package io.fluxtail.smoke.ownlogback;

import java.util.List;
import java.util.Set;

import io.fluxtail.smoke.ContractChecks;
import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own {@code logback-spring.xml} that uses the encoder through the
 * include docs/installation.md shows: same contract, same banner rule, and the endpoint says it is
 * in use.
 */
class OwnLogbackSmokeIT {

	@Test
	void theIncludedAppenderWritesTheContractFromStartToExitAndTheEndpointReportsIt() {
		try (SmokeApp app = SmokeApp.builder().start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			http.callEachWithItsOwnId(List.of("/async", "/callable", "/deferred", "/chain", "/hello"), 500, 16);
			app.awaitStdoutCount(500, (line) -> line.contains("\"request completed\""));
			JsonNode endpoint = LogLines.parse(http.get("/actuator/fluxtail").body());
			app.stop();

			List<JsonNode> lines = ContractChecks.assertWholeRunFollowsTheContract(app, "smoke-own-logback");
			List<JsonNode> probed = LogLines.probed(lines);
			assertThat(LogLines.withForeignOrMissingId(probed)).as("lines with a foreign or missing request_id").isEmpty();
			// /chain writes 3 probed lines (two upstream, one downstream), /async and /callable 2, the others 1
			assertThat(probed).hasSize(500 / 5 * (2 + 2 + 1 + 3 + 1));
			assertThat(endpoint.get("installed").asBoolean()).isTrue();
			assertThat(endpoint.get("reason").isNull()).isTrue();
			assertThat(endpoint.get("appenders").get(0).asString()).isEqualTo("FLUXTAIL_CONSOLE");
			assertThat(endpoint.get("appenders")).hasSize(1);
			ContractChecks.assertEndpointDescribesTheLines(endpoint, lines, Set.of("probe", "received_request_id", "debug_token_received"),
					Set.of("trace_id", "error_type", "error_fingerprint", "error_message", "stack_trace"));
		}
	}

}
