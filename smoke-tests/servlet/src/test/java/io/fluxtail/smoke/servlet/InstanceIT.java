package io.fluxtail.smoke.servlet;

import java.util.List;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code instance} is the pod name on Kubernetes, where {@code HOSTNAME} is set, with no property.
 */
class InstanceIT {

	@Test
	void instanceIsTheHostnameVariableOnEveryLine() {
		try (SmokeApp app = SmokeApp.builder().env("HOSTNAME", "smoke-servlet-7d9f-x2k4").start()) {
			app.stop();
			List<JsonNode> lines = LogLines.parseAll(app.stdout());

			assertThat(lines).allMatch((line) -> "smoke-servlet-7d9f-x2k4".equals(text(line, "instance")));
		}
	}

}
