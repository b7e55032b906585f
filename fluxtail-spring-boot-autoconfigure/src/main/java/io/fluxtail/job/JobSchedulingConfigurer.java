package io.fluxtail.job;

import org.springframework.core.Ordered;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Puts {@link JobTaskScheduler} in front of whatever scheduler the {@code @Scheduled} methods
 * run on. Ordered last, so that a scheduler chosen by the application's own configurer is the one
 * wrapped.
 */
public final class JobSchedulingConfigurer implements SchedulingConfigurer, Ordered {

	private final JobRuns runs;

	/**
	 * Creates the configurer.
	 * @param runs gives each run its context
	 */
	public JobSchedulingConfigurer(JobRuns runs) {
		this.runs = runs;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		TaskScheduler scheduler = registrar.getScheduler();
		if (scheduler != null && !(scheduler instanceof JobTaskScheduler)) {
			registrar.setTaskScheduler(new JobTaskScheduler(scheduler, this.runs));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
