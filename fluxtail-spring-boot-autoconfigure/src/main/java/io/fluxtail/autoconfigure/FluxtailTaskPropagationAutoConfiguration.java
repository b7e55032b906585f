package io.fluxtail.autoconfigure;

import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Carries the context of a request, a job run or a consumed record to the tasks it submits to
 * Spring Boot's executors and schedulers ({@code @Async} included), in web and non-web
 * applications alike.
 */
@AutoConfiguration(after = FluxtailAutoConfiguration.class)
@ConditionalOnClass({ ContextSnapshotFactory.class, ContextPropagatingTaskDecorator.class })
@ConditionalOnBooleanProperty(name = { "fluxtail.enabled", "fluxtail.request.propagate-to-tasks" },
		matchIfMissing = true)
public final class FluxtailTaskPropagationAutoConfiguration {

	/**
	 * Spring Boot composes every TaskDecorator bean into its executors and schedulers, so a
	 * decorator of the application's own is kept. Ordered last so that it wraps the others and
	 * the context is in place when they run; on a scheduler it also restores the thread after the
	 * error handler's line, which a failed job run leaves in the run's context.
	 */
	@Bean
	@ConditionalOnMissingBean(ContextPropagatingTaskDecorator.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	ContextPropagatingTaskDecorator fluxtailTaskDecorator() {
		return new ContextPropagatingTaskDecorator(taskSnapshots());
	}

	/**
	 * Clears what the submitter did not have, so a pooled thread never runs a task with a context
	 * left over from another request or run.
	 */
	private static ContextSnapshotFactory taskSnapshots() {
		return ContextSnapshotFactory.builder().clearMissing(true).build();
	}

}
