package io.fluxtail.smoke.servlet;

import java.time.Duration;
import java.util.List;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A startup that fails on a broken {@code fluxtail.*} configuration is reported in contract lines
 * that name the property, and the process exits non-zero.
 */
class FailedStartupIT {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "--fluxtail.format=bogus | fluxtail.format",
			"--fluxtail.request.header= | fluxtail.request.header",
			"--fluxtail.static-fields.service=x | fluxtail.static-fields.service",
			"--fluxtail.contract.strict=true --fluxtail.environment= | fluxtail.environment" })
	void theFailureReportIsWrittenInContractLinesNamingTheProperty(String args, String property) {
		SmokeApp.Builder builder = SmokeApp.builder();
		for (String arg : args.split(" ")) {
			builder.arg(arg);
		}
		try (SmokeApp app = builder.launch()) {
			int exitCode = app.awaitExit(Duration.ofSeconds(60));

			assertThat(exitCode).isNotZero();
			List<JsonNode> lines = LogLines.parseAll(app.stdout());
			LogLines.assertContract(lines, LogLines.CONTRACT);
			assertThat(lines).allMatch((line) -> "smoke-servlet".equals(text(line, "service")));
			assertThat(lines).anyMatch((line) -> "ERROR".equals(text(line, "level"))
					&& text(line, "message").contains("APPLICATION FAILED TO START")
					&& text(line, "message").contains(property));
			assertThat(app.stderr()).isEmpty();
		}
	}

}
