package io.fluxtail.job;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.core.Ordered;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Gives the scheduler the {@code @Scheduled} methods run on the {@link JobRunAdvisor} when the
 * application's own configurer chose one that is not the proxied {@code taskScheduler} bean.
 * Ordered last, so that the scheduler chosen by the application's configurer is the one advised.
 */
final class JobSchedulingConfigurer implements SchedulingConfigurer, Ordered {

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
		if (scheduler != null && !JobRunAdvisor.isAdvised(scheduler)) {
			ProxyFactory proxy = new ProxyFactory(scheduler);
			proxy.setInterfaces(TaskScheduler.class);
			proxy.addAdvisor(new JobRunAdvisor(() -> this.runs));
			registrar.setTaskScheduler((TaskScheduler) proxy.getProxy(scheduler.getClass().getClassLoader()));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
