package io.fluxtail.smoke.worker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker started from its jar and stopped with SIGTERM, checked on every stdout line it wrote.
 * Each job logs its own run number ({@code run}) on every line, so runs are told apart without
 * trusting the {@code request_id} under test.
 */
class WorkerSmokeIT {

	private static final String COMPLETED = "job completed";

	private static final String ERROR_HANDLER = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler";

	private static final Map<String, String> JOB_BY_RUN_PREFIX = Map.of("retry", "invoiceRetry.retry", "import",
			"feed-import", "beat", "heartbeat.beat", "export", "reportExport");

	@Test
	void everyRunHasItsOwnIdAndItsJobOnAllItsLinesAndEachFailedRunAnErrorCompletion() {
		List<JsonNode> lines;
		try (SmokeApp app = SmokeApp.builder().arg("--fluxtail.debug-on-error.enabled=true").start()) {
			app.awaitStdoutCount(4, (line) -> line.contains("\"message\":\"" + COMPLETED + "\"")
					&& line.contains("\"level\":\"ERROR\"") && line.contains("\"job\":\"feed-import\""));
			app.awaitStdoutCount(2, (line) -> line.contains("\"message\":\"" + COMPLETED + "\"")
					&& line.contains("\"level\":\"ERROR\"") && line.contains("\"job\":\"reportExport\""));
			app.awaitStdoutCount(10, (line) -> line.contains("\"message\":\"invoice mailed\""));
			app.stop();
			lines = LogLines.parseAll(app.stdout());
			assertThat(app.stderr()).isEmpty();
		}

		LogLines.assertContract(lines, LogLines.CONTRACT);
		assertThat(lines).allMatch((line) -> "smoke-worker".equals(text(line, "service")))
			.allMatch((line) -> "smoke".equals(text(line, "env")));
		assertThat(text(lines.get(0), "message")).startsWith("Starting ");

		Map<String, List<JsonNode>> linesByRun = lines.stream()
			.filter((line) -> line.has("run"))
			.collect(Collectors.groupingBy((line) -> text(line, "run")));
		assertThat(linesByRun.keySet()).anyMatch((run) -> run.startsWith("retry-"))
			.anyMatch((run) -> run.startsWith("import-"))
			.anyMatch((run) -> run.startsWith("beat-"))
			.anyMatch((run) -> run.startsWith("export-"));
		Map<String, String> idByRun = new HashMap<>();
		linesByRun.forEach((run, runLines) -> {
			Set<String> ids = runLines.stream().map((line) -> text(line, "request_id")).collect(Collectors.toSet());
			assertThat(ids).as("ids on the lines of " + run).hasSize(1);
			String id = ids.iterator().next();
			assertThat(id).matches("job-[0-9a-f]{16}");
			assertThat(runLines).as("job of " + run)
				.allMatch((line) -> JOB_BY_RUN_PREFIX.get(run.substring(0, run.indexOf('-'))).equals(text(line, "job")));
			idByRun.put(run, id);
		});
		assertThat(Set.copyOf(idByRun.values())).as("one distinct id per run").hasSize(idByRun.size());
		assertThat(lines).filteredOn((line) -> "invoice mailed".equals(text(line, "message")))
			.as("@Async lines, on the executor")
			.isNotEmpty()
			.allMatch((line) -> text(line, "thread").startsWith("task-"));

		Map<String, List<JsonNode>> linesById = lines.stream()
			.filter((line) -> text(line, "request_id").startsWith("job-"))
			.collect(Collectors.groupingBy((line) -> text(line, "request_id")));
		assertThat(Set.copyOf(idByRun.values())).as("every id belongs to a run").isEqualTo(linesById.keySet());
		linesById.forEach((id, idLines) -> {
			assertThat(idLines.stream().map((line) -> text(line, "job")).distinct()).as("jobs of " + id).hasSize(1);
			assertThat(idLines).filteredOn((line) -> COMPLETED.equals(text(line, "message")))
				.as("completions of " + id)
				.hasSizeLessThanOrEqualTo(1);
		});
		assertThat(lines).filteredOn((line) -> !line.has("job"))
			.as("lines outside any run")
			.allMatch((line) -> "-".equals(text(line, "request_id")));
		assertThat(lines).filteredOn((line) -> COMPLETED.equals(text(line, "message")))
			.as("completions of the excluded heartbeat")
			.noneMatch((line) -> "heartbeat.beat".equals(text(line, "job")));

		List<String> failedImports = runsNumbered(idByRun.keySet(), "import-", 3);
		List<String> failedExports = runsNumbered(idByRun.keySet(), "export-", 4);
		assertThat(failedImports).hasSizeGreaterThanOrEqualTo(4);
		assertThat(failedExports).as("failed runs of the task scheduled in code").hasSizeGreaterThanOrEqualTo(2);
		for (String run : Stream.concat(failedImports.stream(), failedExports.stream()).toList()) {
			List<JsonNode> runLines = linesById.get(idByRun.get(run));
			assertThat(runLines).filteredOn((line) -> COMPLETED.equals(text(line, "message")))
				.as("completion of failed " + run)
				.singleElement()
				.satisfies((completion) -> {
					assertThat(text(completion, "level")).isEqualTo("ERROR");
					assertThat(text(completion, "outcome")).isEqualTo("ERROR");
					assertThat(text(completion, "error_type")).isEqualTo("java.lang.IllegalStateException");
					assertThat(text(completion, "stack_trace")).contains("unavailable in " + run);
					assertThat(completion.get("duration_ms").isNumber()).isTrue();
				});
			assertThat(runLines).filteredOn((line) -> ERROR_HANDLER.equals(text(line, "logger")))
				.as("Spring's error line of " + run)
				.singleElement()
				.satisfies((line) -> assertThat(text(line, "error_message")).endsWith("unavailable in " + run));
		}
		assertThat(lines).filteredOn((line) -> COMPLETED.equals(text(line, "message"))
				&& "SUCCESS".equals(text(line, "outcome")))
			.isNotEmpty()
			.allMatch((line) -> "INFO".equals(text(line, "level")));
		assertDebugLinesOfFailedImportsOnly(lines, linesById, idByRun, failedImports);
	}

	/**
	 * With debug-on-error, each failed import run writes its DEBUG line, marked and before its
	 * completion; no run that succeeded writes one.
	 */
	private static void assertDebugLinesOfFailedImportsOnly(List<JsonNode> lines, Map<String, List<JsonNode>> linesById,
			Map<String, String> idByRun, List<String> failedImports) {
		List<JsonNode> fetched = lines.stream()
			.filter((line) -> "feed page fetched".equals(text(line, "message")))
			.toList();
		assertThat(fetched).as("debug lines of failed runs only")
			.allMatch((line) -> failedImports.contains(text(line, "run")) && line.get("buffered").asBoolean());
		for (String run : failedImports) {
			List<JsonNode> runLines = linesById.get(idByRun.get(run));
			List<String> messages = runLines.stream().map((line) -> text(line, "message")).toList();
			if (messages.contains(COMPLETED)) {
				assertThat(messages).as("lines of failed " + run)
					.containsSubsequence("importing feed", "feed page fetched", COMPLETED);
			}
		}
	}

	/**
	 * The runs of a job whose number is a multiple of {@code every}: the ones the job fails.
	 */
	private static List<String> runsNumbered(Set<String> runs, String prefix, int every) {
		return runs.stream()
			.filter((run) -> run.startsWith(prefix) && Integer.parseInt(run.substring(prefix.length())) % every == 0)
			.toList();
	}

}
