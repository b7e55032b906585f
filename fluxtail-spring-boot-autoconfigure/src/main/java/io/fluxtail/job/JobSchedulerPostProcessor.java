package io.fluxtail.job;

import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Makes each task scheduled on the application's scheduler bean (Spring Boot's
 * {@code taskScheduler}, or the one the application defines under that name), by
 * {@code @Scheduled} methods or by the application's own code, a job run, through the
 * {@link JobRunAdvisor}.
 * <p>
 * Spring's own pattern for this (as {@code @Async} and method validation do it): the bean is
 * proxied, as its class so that it can still be injected as a {@code ThreadPoolTaskScheduler},
 * and an existing proxy gets the advice added. Other scheduler beans, such as a WebSocket broker's,
 * are left alone: their tasks are not the application's jobs.
 */
final class JobSchedulerPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	/** Name of the scheduler bean whose tasks become jobs. */
	public static final String SCHEDULER_BEAN_NAME = ScheduledAnnotationBeanPostProcessor.DEFAULT_TASK_SCHEDULER_BEAN_NAME;

	/**
	 * Creates the post-processor.
	 * @param runs gives each run its context, looked up on the first scheduled task, as a
	 * post-processor is created before the beans it could depend on
	 */
	public JobSchedulerPostProcessor(Supplier<JobRuns> runs) {
		this.advisor = new JobRunAdvisor(runs);
		setBeforeExistingAdvisors(true);
		setProxyTargetClass(true);
	}

	@Override
	protected boolean isEligible(Object bean, String beanName) {
		return isApplicationScheduler(bean.getClass(), beanName) && super.isEligible(bean, beanName);
	}

	/**
	 * The type AOT processing records for a bean, and generates the proxy class of at build time:
	 * only the bean that is proxied at runtime, whose proxy then needs no class generated at
	 * runtime (which a native image cannot do).
	 */
	@Override
	public Class<?> determineBeanType(Class<?> beanClass, String beanName) {
		return isApplicationScheduler(beanClass, beanName) ? super.determineBeanType(beanClass, beanName) : beanClass;
	}

	private static boolean isApplicationScheduler(Class<?> beanClass, String beanName) {
		return SCHEDULER_BEAN_NAME.equals(beanName) && TaskScheduler.class.isAssignableFrom(beanClass);
	}

	/**
	 * A scheduler class that cannot be subclassed is proxied by its interfaces instead of failing
	 * the application's startup.
	 */
	@Override
	protected void customizeProxyFactory(ProxyFactory proxyFactory) {
		if (Modifier.isFinal(proxyFactory.getTargetClass().getModifiers())) {
			proxyFactory.setProxyTargetClass(false);
			proxyFactory.setInterfaces(ClassUtils.getAllInterfacesForClass(proxyFactory.getTargetClass()));
		}
	}

}
