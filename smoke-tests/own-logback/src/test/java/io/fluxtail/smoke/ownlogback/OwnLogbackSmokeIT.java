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
 * include the README shows: same contract, same banner rule, and the endpoint says it is in use.
 */
class OwnLogbackSmokeIT {

	@Test
	void theIncludedAppenderWritesTheContractFromStartToExitAndTheEndpointReportsIt() {
		try (SmokeApp app = SmokeApp.builder().start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			http.callEachWithItsOwnId(List.of("/async", "/hello"), 40, 4);
			app.awaitStdoutCount(40, (line) -> line.contains("\"request completed\""));
			JsonNode endpoint = LogLines.parse(http.get("/actuator/fluxtail").body());
			app.stop();

			List<JsonNode> lines = ContractChecks.assertWholeRunFollowsTheContract(app, "smoke-own-logback");
			assertThat(LogLines.withForeignOrMissingId(LogLines.probed(lines))).isEmpty();
			assertThat(endpoint.get("installed").asBoolean()).isTrue();
			assertThat(endpoint.get("reason").isNull()).isTrue();
			assertThat(endpoint.get("appenders").get(0).asString()).isEqualTo("FLUXTAIL_CONSOLE");
			assertThat(endpoint.get("appenders")).hasSize(1);
			ContractChecks.assertEndpointDescribesTheLines(endpoint, lines, Set.of("probe"),
					Set.of("trace_id", "error_type", "error_message", "stack_trace"));
		}
	}

}
