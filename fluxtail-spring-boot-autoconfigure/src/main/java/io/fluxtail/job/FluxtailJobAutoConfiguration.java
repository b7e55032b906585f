package io.fluxtail.job;

import java.util.Set;

import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.autoconfigure.ConfiguredRequestIds;
import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.propagation.CompletionWriter;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.WorkStats;
import io.fluxtail.propagation.WorkUnits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * A request id and job name per run of each {@code @Scheduled} method and each task the
 * application schedules on its {@code taskScheduler}, in web and non-web applications alike, when
 * scheduling is enabled.
 */
@AutoConfiguration(after = FluxtailAutoConfiguration.class)
@ConditionalOnClass(name = "org.slf4j.MDC")
@ConditionalOnBean(name = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)
@ConditionalOnBooleanProperty(name = { "fluxtail.enabled", "fluxtail.job.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(FluxtailJobProperties.class)
public final class FluxtailJobAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JobRuns fluxtailJobRuns(FluxtailJobProperties properties, ObjectProvider<DebugLines> debug) {
		JobSettings settings = new JobSettings(properties.getIdPrefix(), properties.getNames(),
				properties.getCompletion().isEnabled(), properties.getCompletion().getExcludedJobs());
		CompletionWriter completion = settings.completionEnabled()
				? new CompletionWriter(JobRuns.LOGGER_NAME, JobRuns.MESSAGE) : null;
		return new JobRuns(settings,
				ConfiguredRequestIds.of("fluxtail.job.id-prefix", settings.idPrefix(), false,
						new RequestContextStats()),
				new WorkUnits(completion, Set.copyOf(settings.completionExcludedJobs())::contains, new WorkStats(),
						debug.getIfAvailable()));
	}

	/**
	 * Static, as a post-processor is created before the configuration's other beans; it looks the
	 * runs up when the first task is scheduled.
	 */
	@Bean
	@ConditionalOnMissingBean
	static JobSchedulerPostProcessor fluxtailJobSchedulerPostProcessor(ObjectProvider<JobRuns> jobRuns) {
		return new JobSchedulerPostProcessor(jobRuns::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	JobSchedulingConfigurer fluxtailJobSchedulingConfigurer(JobRuns jobRuns) {
		return new JobSchedulingConfigurer(jobRuns);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@Order(FluxtailContributor.JOBS)
		FluxtailContributor fluxtailJobRunsContributor(JobRuns jobRuns) {
			return new JobRunsContributor(jobRuns);
		}

	}

}
