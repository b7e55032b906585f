package io.fluxtail.job;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import io.fluxtail.logging.contract.CoreFields;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;

class FluxtailJobAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FluxtailAutoConfiguration.class, FluxtailJobAutoConfiguration.class));

	@Test
	void anApplicationWithSchedulingGetsJobRuns() {
		this.runner.withUserConfiguration(Scheduling.class)
			.run((context) -> assertThat(context).hasSingleBean(JobRuns.class).hasSingleBean(JobSchedulingConfigurer.class));
	}

	@Test
	void anApplicationWithoutSchedulingGetsNothing() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(JobRuns.class));
	}

	@Test
	void jobsCanBeSwitchedOffAloneOrWithFluxtail() {
		this.runner.withUserConfiguration(Scheduling.class)
			.withPropertyValues("fluxtail.job.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JobRuns.class));
		this.runner.withUserConfiguration(Scheduling.class)
			.withPropertyValues("fluxtail.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JobRuns.class));
	}

	@Test
	void anUnsafeIdPrefixFailsStartupNamingTheProperty() {
		this.runner.withUserConfiguration(Scheduling.class)
			.withPropertyValues("fluxtail.job.id-prefix=job run ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("fluxtail.job.id-prefix"));
	}

	@Test
	void settingsComeFromTheProperties() {
		this.runner.withUserConfiguration(Scheduling.class)
			.withPropertyValues("fluxtail.job.id-prefix=run-", "fluxtail.job.names[invoiceRetry.retry]=invoice-retry",
					"fluxtail.job.completion.excluded-jobs=heartbeat.beat")
			.run((context) -> {
				JobRuns runs = context.getBean(JobRuns.class);
				assertThat(runs.settings().idPrefix()).isEqualTo("run-");
				assertThat(runs.settings().renamed()).containsEntry("invoiceRetry.retry", "invoice-retry");
				assertThat(runs.settings().completionExcludedJobs()).containsExactly("heartbeat.beat");
			});
	}

	@Test
	void tasksOnSpringBootsSchedulerBecomeJobsWhileTheSchedulerKeepsItsClass() {
		this.runner.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(Scheduling.class)
			.run((context) -> assertThat(context.getBean("taskScheduler")).isInstanceOf(ThreadPoolTaskScheduler.class)
				.satisfies((scheduler) -> assertThat(AopUtils.isCglibProxy(scheduler)).isTrue()));
	}

	@Test
	void onlyTheApplicationsSchedulerIsProxiedNotAnotherSchedulerBean() {
		this.runner.withUserConfiguration(Scheduling.class, TwoSchedulers.class).run((context) -> {
			assertThat(AopUtils.isAopProxy(context.getBean("taskScheduler"))).isTrue();
			assertThat(AopUtils.isAopProxy(context.getBean("brokerScheduler"))).isFalse();
		});
	}

	@Test
	void aTaskOnTheVirtualThreadSchedulerRunsAsAJob() {
		this.runner.withUserConfiguration(Scheduling.class, SimpleScheduler.class).run((context) -> {
			SimpleAsyncTaskScheduler scheduler = context.getBean("taskScheduler", SimpleAsyncTaskScheduler.class);
			CompletableFuture<Map<String, String>> mdc = new CompletableFuture<>();
			scheduler.schedule(() -> mdc.complete(MDC.getCopyOfContextMap()), Instant.now());
			assertThat(mdc.get(10, TimeUnit.SECONDS)).containsEntry(CoreFields.JOB, JobNames.UNNAMED)
				.hasEntrySatisfying(CoreFields.REQUEST_ID, (id) -> assertThat(id).startsWith("job-"));
		});
	}

	@Test
	void aSchedulerClassThatCannotBeSubclassedIsProxiedByItsInterfaces() {
		this.runner.withUserConfiguration(Scheduling.class, FinalScheduler.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean("taskScheduler")
				.satisfies((scheduler) -> assertThat(AopUtils.isJdkDynamicProxy(scheduler)).isTrue()));
	}

	@Test
	void aScheduledMethodOnTheSchedulerOfTheApplicationsOwnConfigurerRunsAsAJob() {
		this.runner.withUserConfiguration(Scheduling.class, OwnConfigurer.class).run((context) -> {
			Map<String, String> mdc = context.getBean(OwnConfigurer.class).firstRun.get(10, TimeUnit.SECONDS);
			assertThat(mdc).containsEntry(CoreFields.JOB, "ownConfigurer.tick")
				.hasEntrySatisfying(CoreFields.REQUEST_ID, (id) -> assertThat(id).startsWith("job-"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {

	}

	/**
	 * Hands {@code @Scheduled} methods a scheduler that is no bean, so not the proxied
	 * {@code taskScheduler}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnConfigurer implements SchedulingConfigurer {

		final CompletableFuture<Map<String, String>> firstRun = new CompletableFuture<>();

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			registrar.setTaskScheduler(new SingleThreadScheduler());
		}

		@Scheduled(fixedDelay = 60_000)
		void tick() {
			this.firstRun.complete(MDC.getCopyOfContextMap());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoSchedulers {

		@Bean
		ThreadPoolTaskScheduler taskScheduler() {
			return new ThreadPoolTaskScheduler();
		}

		@Bean
		ThreadPoolTaskScheduler brokerScheduler() {
			return new ThreadPoolTaskScheduler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SimpleScheduler {

		/**
		 * The scheduler Spring Boot defines with virtual threads on, here on platform threads.
		 */
		@Bean
		SimpleAsyncTaskScheduler taskScheduler() {
			return new SimpleAsyncTaskScheduler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FinalScheduler {

		@Bean
		TaskScheduler taskScheduler() {
			return new SingleThreadScheduler();
		}

	}

	static final class SingleThreadScheduler extends ConcurrentTaskScheduler {

		SingleThreadScheduler() {
			super(Executors.newSingleThreadScheduledExecutor());
		}

	}

}
