package io.fluxtail.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.actuate.WorkDescriptor;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.Outcome;
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
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static io.fluxtail.testsupport.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled runs of a non-web application, read from its real console lines: one request id and
 * job name per run on every line of the run ({@code @Async} and Spring's error line included) and
 * one completion line per run, for {@code @Scheduled} methods and for the tasks the application
 * schedules itself on Spring Boot's scheduler alike.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobContextTests {

	private static final String ERROR_HANDLER = "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler";

	@Test
	void everyLineOfARunCarriesItsOwnIdAndJobNameAndEachRunCompletesOnce(CapturedOutput output) throws Exception {
		LogLines logs = new LogLines(output);
		try (ConfigurableApplicationContext context = run()) {
			awaitRuns(context, 6);
		}
		List<JsonNode> lines = logs.sinceMark();
		List<JsonNode> runLines = lines.stream().filter((line) -> line.has(CoreFields.JOB)).toList();
		assertThat(runLines).isNotEmpty().allSatisfy((line) -> {
			assertThat(text(line, CoreFields.REQUEST_ID)).matches("job-[0-9a-f]{16}");
			assertThat(text(line, CoreFields.JOB)).isIn("jobs.retryInvoices", "nightly-import", "cacheWarmer",
					JobNames.UNNAMED);
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
		assertThat(runLines).filteredOn((line) -> "warming cache".equals(text(line, CoreFields.MESSAGE)))
			.as("runs of a task class the application schedules itself")
			.hasSizeGreaterThanOrEqualTo(6)
			.allSatisfy((line) -> assertThat(text(line, CoreFields.JOB)).isEqualTo("cacheWarmer"));
		assertThat(runLines).filteredOn((line) -> JobNames.UNNAMED.equals(text(line, CoreFields.JOB)))
			.as("the one-off lambda the application schedules itself")
			.extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactlyInAnyOrder("rebuilding index", JobRuns.MESSAGE);
	}

	@Test
	void aFailedRunHasAnErrorCompletionWithTheExceptionAndSpringsErrorLineInTheRun(CapturedOutput output)
			throws Exception {
		LogLines logs = new LogLines(output);
		try (ConfigurableApplicationContext context = run()) {
			awaitRuns(context, 4);
		}
		List<JsonNode> failed = logs.matching((line) -> JobRuns.MESSAGE.equals(text(line, CoreFields.MESSAGE))
				&& Outcome.ERROR.name().equals(text(line, CoreFields.OUTCOME)));
		assertThat(failed).extracting((completion) -> text(completion, CoreFields.JOB))
			.contains("nightly-import", "cacheWarmer")
			.containsOnly("nightly-import", "cacheWarmer");
		assertThat(failed).allSatisfy((completion) -> {
			assertThat(text(completion, CoreFields.LEVEL)).isEqualTo("ERROR");
			assertThat(text(completion, CoreFields.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
			assertThat(text(completion, CoreFields.STACK_TRACE)).containsAnyOf("Jobs.importNightly", "CacheWarmer.run");
			assertThat(completion.get(CoreFields.DURATION_MS).isNumber()).isTrue();
			List<JsonNode> errorLines = logs.matching((line) -> ERROR_HANDLER.equals(text(line, CoreFields.LOGGER))
					&& text(completion, CoreFields.REQUEST_ID).equals(text(line, CoreFields.REQUEST_ID)));
			assertThat(errorLines).as("Spring's error line of the run").hasSize(1);
			assertThat(text(errorLines.get(0), CoreFields.JOB)).isEqualTo(text(completion, CoreFields.JOB));
		});
		assertThat(logs.matching((line) -> JobRuns.MESSAGE.equals(text(line, CoreFields.MESSAGE))
				&& Outcome.SUCCESS.name().equals(text(line, CoreFields.OUTCOME))))
			.isNotEmpty()
			.allSatisfy((completion) -> assertThat(text(completion, CoreFields.LEVEL)).isEqualTo("INFO"));
	}

	@Test
	void excludedJobsKeepTheirContextButGetNoCompletionLine(CapturedOutput output) throws Exception {
		LogLines logs = new LogLines(output);
		try (ConfigurableApplicationContext context = run("--fluxtail.job.completion.excluded-jobs=jobs.retryInvoices")) {
			awaitRuns(context, 3);
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
			awaitRuns(context, 2);
			ContractDescriptor contract = context.getBean(FluxtailEndpoint.class).contract();
			assertThat(contract.section("request", Object.class)).isNull();
			WorkDescriptor.Jobs jobs = (WorkDescriptor.Jobs) contract.section("work", Map.class).get("jobs");
			assertThat(jobs).isNotNull();
			assertThat(jobs.idPrefix()).isEqualTo("job-");
			assertThat(jobs.renamed()).containsEntry("jobs.importNightly", "nightly-import");
			assertThat(jobs.runs()).isGreaterThanOrEqualTo(4);
			assertThat(jobs.failedRuns()).isGreaterThanOrEqualTo(1);
			assertThat(sourceOf(contract, CoreFields.REQUEST_ID)).startsWith("job-run");
			assertThat(sourceOf(contract, CoreFields.JOB)).startsWith("scheduled-task");
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

	private static void awaitRuns(ConfigurableApplicationContext context, int runs) throws InterruptedException {
		Jobs jobs = context.getBean(Jobs.class);
		CacheWarmer warmer = context.getBean(WorkerApplication.class).warmer;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while ((jobs.imports.get() < runs || jobs.retries.get() < runs || warmer.runs.get() < runs)
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(jobs.imports.get()).as("import runs").isGreaterThanOrEqualTo(runs);
		assertThat(warmer.runs.get()).as("cache warmer runs").isGreaterThanOrEqualTo(runs);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableScheduling
	@EnableAsync
	static class WorkerApplication {

		final CacheWarmer warmer = new CacheWarmer();

		/**
		 * Schedules tasks in code, on Spring Boot's scheduler injected as its class.
		 */
		WorkerApplication(ThreadPoolTaskScheduler scheduler) {
			Logger logger = LoggerFactory.getLogger(WorkerApplication.class);
			scheduler.scheduleAtFixedRate(this.warmer, Duration.ofMillis(15));
			scheduler.schedule(() -> logger.info("rebuilding index"), Instant.now().plusMillis(50));
		}

	}

	static class CacheWarmer implements Runnable {

		private static final Logger logger = LoggerFactory.getLogger(CacheWarmer.class);

		final AtomicInteger runs = new AtomicInteger();

		@Override
		public void run() {
			logger.info("warming cache");
			if (this.runs.incrementAndGet() % 3 == 0) {
				throw new IllegalStateException("cache store unavailable");
			}
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
