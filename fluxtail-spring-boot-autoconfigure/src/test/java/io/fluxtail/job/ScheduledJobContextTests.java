package io.fluxtail.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.actuate.WorkDescriptor;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.CompletionEvent;
import io.fluxtail.testsupport.LogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static io.fluxtail.testsupport.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled runs of a non-web application, read from its real console lines: one request id and
 * job name per run on every line of the run ({@code @Async} and Spring's error line included), one
 * completion line per run, and the scheduler thread restored after failed runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobContextTests {

	private static final String ERROR_HANDLER = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler";

	@Test
	void everyLineOfARunCarriesItsOwnIdAndJobNameAndEachRunCompletesOnce(CapturedOutput output) throws Exception {
		LogLines logs = new LogLines(output);
		try (ConfigurableApplicationContext context = run()) {
			Jobs jobs = context.getBean(Jobs.class);
			awaitRuns(jobs, 6);
		}
		List<JsonNode> lines = logs.sinceMark();
		List<JsonNode> runLines = lines.stream().filter((line) -> line.has(CoreFields.JOB)).toList();
		assertThat(runLines).isNotEmpty().allSatisfy((line) -> {
			assertThat(text(line, CoreFields.REQUEST_ID)).matches("job-[0-9a-f]{16}");
			assertThat(text(line, CoreFields.JOB)).isIn("jobs.retryInvoices", "nightly-import");
		});
		Map<String, List<JsonNode>> runs = runLines.stream()
			.collect(Collectors.groupingBy((line) -> text(line, CoreFields.REQUEST_ID)));
		assertThat(runs.values()).allSatisfy((run) -> {
			assertThat(run).extracting((line) -> text(line, CoreFields.JOB)).containsOnly(text(run.get(0), CoreFields.JOB));
			assertThat(run).filteredOn((line) -> JobRuns.MESSAGE.equals(text(line, CoreFields.MESSAGE))).hasSize(1);
		});
		assertThat(runLines).filteredOn((line) -> "invoice sent".equals(text(line, CoreFields.MESSAGE)))
			.as("@Async lines of the run")
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(text(line, CoreFields.THREAD)).startsWith("task-"));
		assertThat(lines).filteredOn((line) -> "probe".equals(text(line, CoreFields.MESSAGE)))
			.as("a plain task on the same scheduler thread, after failed runs")
			.isNotEmpty()
			.allSatisfy((line) -> {
				assertThat(line.has(CoreFields.JOB)).isFalse();
				assertThat(text(line, CoreFields.REQUEST_ID)).isEqualTo(CoreFields.MISSING);
			});
	}

	@Test
	void aFailedRunHasAnErrorCompletionWithTheExceptionAndSpringsErrorLineInTheRun(CapturedOutput output)
			throws Exception {
		LogLines logs = new LogLines(output);
		try (ConfigurableApplicationContext context = run()) {
			awaitRuns(context.getBean(Jobs.class), 4);
		}
		List<JsonNode> failed = logs.matching((line) -> JobRuns.MESSAGE.equals(text(line, CoreFields.MESSAGE))
				&& CompletionEvent.ERROR.equals(text(line, CoreFields.OUTCOME)));
		assertThat(failed).isNotEmpty().allSatisfy((completion) -> {
			assertThat(text(completion, CoreFields.LEVEL)).isEqualTo("ERROR");
			assertThat(text(completion, CoreFields.JOB)).isEqualTo("nightly-import");
			assertThat(text(completion, CoreFields.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
			assertThat(text(completion, CoreFields.STACK_TRACE)).contains("Jobs.importNightly");
			assertThat(completion.get(CoreFields.DURATION_MS).isNumber()).isTrue();
			List<JsonNode> errorLines = logs.matching((line) -> ERROR_HANDLER.equals(text(line, CoreFields.LOGGER))
					&& text(completion, CoreFields.REQUEST_ID).equals(text(line, CoreFields.REQUEST_ID)));
			assertThat(errorLines).as("Spring's error line of the run").hasSize(1);
			assertThat(text(errorLines.get(0), CoreFields.JOB)).isEqualTo("nightly-import");
		});
		assertThat(logs.matching((line) -> JobRuns.MESSAGE.equals(text(line, CoreFields.MESSAGE))
				&& CompletionEvent.SUCCESS.equals(text(line, CoreFields.OUTCOME))))
			.isNotEmpty()
			.allSatisfy((completion) -> assertThat(text(completion, CoreFields.LEVEL)).isEqualTo("INFO"));
	}

	@Test
	void excludedJobsKeepTheirContextButGetNoCompletionLine(CapturedOutput output) throws Exception {
		LogLines logs = new LogLines(output);
		try (ConfigurableApplicationContext context = run("--fluxtail.job.completion.excluded-jobs=jobs.retryInvoices")) {
			awaitRuns(context.getBean(Jobs.class), 3);
		}
		List<JsonNode> retries = logs.matching((line) -> "jobs.retryInvoices".equals(text(line, CoreFields.JOB)));
		assertThat(retries).isNotEmpty()
			.noneMatch((line) -> JobRuns.MESSAGE.equals(text(line, CoreFields.MESSAGE)));
		assertThat(logs.matching((line) -> "nightly-import".equals(text(line, CoreFields.JOB))
				&& JobRuns.MESSAGE.equals(text(line, CoreFields.MESSAGE))))
			.isNotEmpty();
	}

	@Test
	void theEndpointDescribesTheJobContextWithoutAWebServer() throws Exception {
		try (ConfigurableApplicationContext context = run("--management.endpoints.jmx.exposure.include=fluxtail",
				"--spring.jmx.enabled=true")) {
			awaitRuns(context.getBean(Jobs.class), 2);
			ContractDescriptor contract = context.getBean(FluxtailEndpoint.class).contract();
			assertThat(contract.request()).isNull();
			WorkDescriptor.Jobs jobs = contract.work().jobs();
			assertThat(jobs).isNotNull();
			assertThat(jobs.idPrefix()).isEqualTo("job-");
			assertThat(jobs.renamed()).containsEntry("jobs.importNightly", "nightly-import");
			assertThat(jobs.runs()).isGreaterThanOrEqualTo(4);
			assertThat(jobs.failedRuns()).isGreaterThanOrEqualTo(1);
			assertThat(sourceOf(contract, CoreFields.REQUEST_ID)).startsWith("job-run");
			assertThat(sourceOf(contract, CoreFields.JOB)).startsWith("scheduled-method");
		}
	}

	private static String sourceOf(ContractDescriptor contract, String field) {
		return contract.fields().stream().filter((candidate) -> candidate.name().equals(field)).findFirst().orElseThrow().source();
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(WorkerApplication.class, Jobs.class, Mailer.class)
			.web(WebApplicationType.NONE)
			.properties("spring.application.name=scheduled-jobs", "spring.task.scheduling.pool.size=1",
					"fluxtail.job.names[jobs.importNightly]=nightly-import")
			.run(args);
	}

	private static void awaitRuns(Jobs jobs, int runs) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while ((jobs.imports.get() < runs || jobs.retries.get() < runs) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(jobs.imports.get()).as("import runs").isGreaterThanOrEqualTo(runs);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableScheduling
	@EnableAsync
	static class WorkerApplication {

		WorkerApplication(TaskScheduler scheduler) {
			Logger logger = LoggerFactory.getLogger(WorkerApplication.class);
			scheduler.scheduleAtFixedRate(() -> logger.info("probe"), Duration.ofMillis(15));
		}

	}

	static class Jobs {

		private static final Logger logger = LoggerFactory.getLogger(Jobs.class);

		final AtomicInteger retries = new AtomicInteger();

		final AtomicInteger imports = new AtomicInteger();

		@Autowired
		Mailer mailer;

		@Scheduled(fixedDelay = 10)
		void retryInvoices() {
			logger.info("retrying invoices");
			this.mailer.send();
			this.retries.incrementAndGet();
		}

		@Scheduled(fixedRate = 10)
		void importNightly() {
			logger.info("importing");
			if (this.imports.incrementAndGet() % 2 == 0) {
				throw new IllegalStateException("feed unavailable");
			}
		}

	}

	static class Mailer {

		private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

		@Async
		void send() {
			logger.info("invoice sent");
		}

	}

}
