package io.fluxtail.smoke.worker;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error fingerprints and storm control in the worker started from its jar, read on stdout: the same
 * defect from three builds whose line numbers differ has one fingerprint and another defect
 * another; a storm from 8 threads is cut to the limit, its summaries count every suppressed line,
 * and a different ERROR logged during it is written.
 */
class StormSmokeIT {

	private static final int LIMIT = 100;

	private static final int LOGGED_PER_KIND = StormDrill.THREADS / 2 * StormDrill.LINES_PER_THREAD;

	private static final String STORM_LOGGER = "io.fluxtail.storm";

	@Test
	void oneFingerprintPerDefectAndAStormCutToTheLimitWithEverySuppressedLineCounted() {
		List<String> stdout;
		try (SmokeApp app = SmokeApp.builder()
			.arg("--smoke.storm=true")
			.arg("--fluxtail.storm.limit=" + LIMIT)
			.arg("--fluxtail.storm.window=1h")
			.start()) {
			app.awaitStdoutCount(1, (line) -> line.contains("\"message\":\"storm drill done\""));
			app.stop();
			stdout = app.stdout();
			assertThat(app.stderr()).isEmpty();
		}
		List<JsonNode> lines = LogLines.parseAll(stdout);
		LogLines.assertContract(lines, LogLines.CONTRACT);

		Map<String, JsonNode> ledger = lines.stream()
			.filter((line) -> "ledger post failed".equals(text(line, "message")))
			.collect(Collectors.toMap((line) -> text(line, "build"), (line) -> line));
		assertThat(ledger).containsOnlyKeys("same-1", "same-2", "same-3", "other");
		List<String> frames = List.of("same-1", "same-2", "same-3")
			.stream()
			.map((build) -> text(ledger.get(build), "stack_trace"))
			.map((trace) -> trace.substring(trace.indexOf("Ledger.post("), trace.indexOf(')', trace.indexOf("Ledger.post("))))
			.toList();
		assertThat(frames).as("the three builds' line numbers").doesNotHaveDuplicates();
		String fingerprint = text(ledger.get("same-1"), "error_fingerprint");
		assertThat(fingerprint).matches("[0-9a-f]{16}");
		assertThat(text(ledger.get("same-2"), "error_fingerprint")).isEqualTo(fingerprint);
		assertThat(text(ledger.get("same-3"), "error_fingerprint")).isEqualTo(fingerprint);
		assertThat(text(ledger.get("other"), "error_fingerprint")).matches("[0-9a-f]{16}").isNotEqualTo(fingerprint);

		List<JsonNode> templateLines = lines.stream()
			.filter((line) -> text(line, "message").startsWith("inventory sync failed for sku "))
			.toList();
		List<JsonNode> exceptionLines = lines.stream()
			.filter((line) -> "payment gateway down".equals(text(line, "message")))
			.toList();
		assertThat(templateLines).as("template lines written").hasSize(LIMIT);
		assertThat(exceptionLines).as("exception lines written").hasSize(LIMIT);
		String stormFingerprint = text(exceptionLines.get(0), "error_fingerprint");
		assertThat(exceptionLines).allMatch((line) -> stormFingerprint.equals(text(line, "error_fingerprint")));

		List<JsonNode> summaries = lines.stream().filter((line) -> STORM_LOGGER.equals(text(line, "logger"))).toList();
		JsonNode templateSummary = summaries.stream()
			.filter((line) -> "inventory sync failed for sku {}".equals(text(line, "storm_key")))
			.collect(Collectors.collectingAndThen(Collectors.toList(), (found) -> {
				assertThat(found).as("summaries of the template").hasSize(1);
				return found.get(0);
			}));
		JsonNode exceptionSummary = summaries.stream()
			.filter((line) -> stormFingerprint.equals(text(line, "storm_key")))
			.collect(Collectors.collectingAndThen(Collectors.toList(), (found) -> {
				assertThat(found).as("summaries of the exception").hasSize(1);
				return found.get(0);
			}));
		for (JsonNode summary : List.of(templateSummary, exceptionSummary)) {
			assertThat(text(summary, "level")).isEqualTo("ERROR");
			assertThat(summary.get("storm_written").asLong()).isEqualTo(LIMIT);
			assertThat(summary.get("storm_suppressed").asLong()).as("suppressed = logged - written")
				.isEqualTo(LOGGED_PER_KIND - LIMIT);
			assertThat(text(summary, "storm_first").compareTo(text(summary, "storm_last"))).isLessThanOrEqualTo(0);
		}
		assertThat(text(templateSummary, "storm_kind")).isEqualTo("message");
		assertThat(text(templateSummary, "storm_logger")).isEqualTo("smoke.storm");
		assertThat(text(exceptionSummary, "storm_kind")).isEqualTo("exception");

		int different = indexOf(lines, "a different error during the storm");
		assertThat(different).as("the different error is written").isNotNegative();
		assertThat(different).as("written before the storm's end")
			.isLessThan(indexOf(lines, "storm drill done"))
			.isGreaterThan(lines.indexOf(templateLines.get(LIMIT - 1)))
			.isGreaterThan(lines.indexOf(exceptionLines.get(LIMIT - 1)));
	}

	private static int indexOf(List<JsonNode> lines, String message) {
		for (int i = 0; i < lines.size(); i++) {
			if (message.equals(text(lines.get(i), "message"))) {
				return i;
			}
		}
		return -1;
	}

}
