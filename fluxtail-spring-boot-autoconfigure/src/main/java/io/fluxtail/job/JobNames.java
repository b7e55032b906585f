package io.fluxtail.job;

import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

/**
 * Names scheduled jobs: {@code bean.method} for {@code @Scheduled} methods (the bean named as
 * Spring names a component, {@code invoiceRetry.retry}), the class named the same way for a task
 * class of the application's ({@code CacheWarmer} is {@code cacheWarmer}), {@value #UNNAMED} for
 * lambdas and anonymous tasks, then renamed by configuration.
 */
final class JobNames {

	/** Name of a task that has no name of its own, such as a lambda. */
	public static final String UNNAMED = "scheduled-task";

	/**
	 * What Spring's {@code ScheduledMethodRunnable} prints, also through the private wrapper that
	 * tracks its outcome: the declaring class's name, a dot, the method's name.
	 */
	private static final Pattern METHOD = Pattern
		.compile("\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}.]*\\.\\p{javaJavaIdentifierPart}+");

	private final Map<String, String> renamed;

	/**
	 * Creates the naming.
	 * @param renamed job names by default name, such as {@code invoiceRetry.retry=invoice-retry}
	 */
	public JobNames(Map<String, String> renamed) {
		this.renamed = Map.copyOf(renamed);
	}

	/**
	 * Returns the name of a task, once when it is scheduled.
	 * @param task the task as handed to the scheduler
	 * @return its name
	 */
	public String nameOf(Runnable task) {
		String description = task.toString();
		String name = METHOD.matcher(description).matches() ? methodName(description) : className(task.getClass());
		return this.renamed.getOrDefault(name, name);
	}

	private static String methodName(String method) {
		int methodDot = method.lastIndexOf('.');
		String type = method.substring(0, methodDot);
		String simpleType = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
		return StringUtils.uncapitalize(simpleType) + method.substring(methodDot);
	}

	private static String className(Class<?> type) {
		boolean named = !type.isSynthetic() && !type.isHidden() && !type.isAnonymousClass();
		return named ? StringUtils.uncapitalize(type.getSimpleName()) : UNNAMED;
	}

}
