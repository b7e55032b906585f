package io.fluxtail.job;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;

import io.fluxtail.logging.contract.CoreFields;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.MDC;

import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.scheduling.Trigger;
import org.springframework.util.function.SingletonSupplier;

/**
 * The one seam that turns a task into a job run: advice on a {@code TaskScheduler}'s
 * {@code schedule…} methods that wraps the task in its job's context <em>before</em> the scheduler
 * (and its error handler) sees it, so a run that throws is seen to fail and the error handler's
 * line is written in the run's context. A task decorator cannot do this: it runs outside the error
 * handler, which swallows the failure of a repeating task.
 * <p>
 * One exception: a task scheduled once from inside a unit of work (an HTTP request, a job run, a
 * record), such as a reminder a request sets up, is that work's continuation and keeps its
 * context, carried by task propagation like {@code @Async}. A repeating task is always a job: its
 * runs are not one request.
 * <p>
 * Applied to the application's {@code taskScheduler} bean by {@link JobSchedulerPostProcessor}
 * and, for {@code @Scheduled} methods on a scheduler of the application's own configurer, by
 * {@link JobSchedulingConfigurer}.
 */
final class JobRunAdvisor extends AbstractPointcutAdvisor {

	private final Advice advice;

	/**
	 * Creates the advisor.
	 * @param runs gives each run its context, looked up on the first scheduled task
	 */
	JobRunAdvisor(Supplier<JobRuns> runs) {
		Supplier<JobRuns> jobRuns = SingletonSupplier.of(runs);
		this.advice = (MethodInterceptor) (invocation) -> {
			Object[] arguments = invocation.getArguments();
			if (!isOnce(invocation.getMethod()) || MDC.get(CoreFields.REQUEST_ID) == null) {
				arguments[0] = jobRuns.get().wrap((Runnable) arguments[0]);
			}
			return invocation.proceed();
		};
	}

	/**
	 * Whether a scheduler's tasks already become job runs.
	 * @param scheduler the scheduler, possibly a proxy
	 * @return whether it carries this advice
	 */
	static boolean isAdvised(Object scheduler) {
		return scheduler instanceof Advised advised
				&& Arrays.stream(advised.getAdvisors()).anyMatch(JobRunAdvisor.class::isInstance);
	}

	private static boolean isOnce(Method method) {
		return method.getName().equals("schedule") && method.getParameterTypes()[1] != Trigger.class;
	}

	@Override
	public Pointcut getPointcut() {
		return SchedulingMethods.INSTANCE;
	}

	@Override
	public Advice getAdvice() {
		return this.advice;
	}

	/**
	 * The {@code TaskScheduler} methods that take a task, not the executor methods a scheduler
	 * may also have ({@code execute}, {@code submit}): those run work for whoever submits it.
	 */
	private static final class SchedulingMethods extends StaticMethodMatcherPointcut {

		static final SchedulingMethods INSTANCE = new SchedulingMethods();

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return method.getName().startsWith("schedule") && method.getParameterCount() > 0
					&& method.getParameterTypes()[0] == Runnable.class;
		}

	}

}
