package io.fluxtail.job;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import io.fluxtail.logging.contract.CoreFields;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.MDC;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Makes each task the application schedules itself on its scheduler bean (Spring Boot's
 * {@code taskScheduler}, or the one the application defines under that name) a job like a
 * {@code @Scheduled} method: the {@code schedule…} methods wrap the task in its job's context
 * <em>before</em> the scheduler wraps it in its error handler, so a run that throws is seen to fail
 * and the error handler's line is written in the run's context. A task decorator cannot do this:
 * it runs outside the error handler, which swallows the failure of a repeating task.
 * <p>
 * One exception: a task scheduled once from inside a unit of work (an HTTP request, a job run, a
 * record), such as a reminder a request sets up, is that work's continuation and keeps its
 * context, carried by task propagation like {@code @Async}. A repeating task is always a job: its
 * runs are not one request.
 * <p>
 * Spring's own pattern for this (as {@code @Async} and method validation do it): the bean is
 * proxied, as its class so that it can still be injected as a {@code ThreadPoolTaskScheduler},
 * and an existing proxy gets the advice added. Other scheduler beans, such as a WebSocket broker's,
 * are left alone: their tasks are not the application's jobs.
 */
public final class JobSchedulerPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	/** Name of the scheduler bean whose tasks become jobs. */
	public static final String SCHEDULER_BEAN_NAME = ScheduledAnnotationBeanPostProcessor.DEFAULT_TASK_SCHEDULER_BEAN_NAME;

	/**
	 * Creates the post-processor.
	 * @param runs gives each run its context, looked up on the first scheduled task, as a
	 * post-processor is created before the beans it could depend on
	 */
	public JobSchedulerPostProcessor(Supplier<JobRuns> runs) {
		Supplier<JobRuns> jobRuns = SingletonSupplier.of(runs);
		MethodInterceptor wrapTask = (invocation) -> {
			Object[] arguments = invocation.getArguments();
			if (!isOnce(invocation.getMethod()) || MDC.get(CoreFields.REQUEST_ID) == null) {
				arguments[0] = jobRuns.get().wrap((Runnable) arguments[0]);
			}
			return invocation.proceed();
		};
		this.advisor = new DefaultPointcutAdvisor(new SchedulingMethods(), wrapTask);
		setBeforeExistingAdvisors(true);
		setProxyTargetClass(true);
	}

	private static boolean isOnce(Method method) {
		return method.getName().equals("schedule") && method.getParameterTypes()[1] != Trigger.class;
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

	/**
	 * The {@code TaskScheduler} methods that take a task, not the executor methods a scheduler
	 * may also have ({@code execute}, {@code submit}): those run work for whoever submits it.
	 */
	private static final class SchedulingMethods extends StaticMethodMatcherPointcut {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return method.getName().startsWith("schedule") && method.getParameterCount() > 0
					&& method.getParameterTypes()[0] == Runnable.class;
		}

	}

}
