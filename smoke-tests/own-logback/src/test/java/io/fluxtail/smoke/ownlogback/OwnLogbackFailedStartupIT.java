package io.fluxtail.smoke.ownlogback;

import java.time.Duration;
import java.util.List;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its own {@code logback-spring.xml}, a startup that fails on a broken property is reported
 * in contract lines too: the included encoder reports the error to Logback, which makes Boot fail
 * the startup, and writes that failure with a configuration that cannot fail.
 */
class OwnLogbackFailedStartupIT {

	@Test
	void theFailureIsAContractLineNamingTheProperty() {
		try (SmokeApp app = SmokeApp.builder().arg("--fluxtail.stack-trace.max-depth=0").launch()) {
			assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();

			List<JsonNode> lines = LogLines.parseAll(app.stdout());
			LogLines.assertContract(lines, LogLines.CONTRACT);
			// Boot fails on the encoder's configuration error, which names the property
			assertThat(lines).anyMatch((line) -> "ERROR".equals(text(line, "level"))
					&& text(line, "message").equals("Application run failed")
					&& text(line, "error_message").contains("Property fluxtail.stack-trace.max-depth with value '0' is invalid"));
		}
	}

}
