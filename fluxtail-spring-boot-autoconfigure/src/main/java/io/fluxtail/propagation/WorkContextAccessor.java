package io.fluxtail.propagation;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer's context-propagation carry the {@link WorkContext} of a request, a job run or
 * a record to other threads: task decorators, Reactor operators and schedulers, coroutines. One
 * accessor for the group of MDC keys, as {@code Slf4jThreadLocalAccessor} does, registered through
 * {@code ServiceLoader}, so {@code ContextRegistry.getInstance()} knows it without configuration.
 *
 * <p>
 * Only Fluxtail's own MDC keys are handled; the tracer's {@code traceId}/{@code spanId} follow the
 * observation, which Micrometer propagates itself.
 */
public final class WorkContextAccessor implements ThreadLocalAccessor<WorkContext> {

	/** Key of the work context in a Reactor {@code Context} or a context snapshot. */
	public static final String KEY = "fluxtail.work-context";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable WorkContext getValue() {
		return WorkContext.current();
	}

	@Override
	public void setValue(WorkContext value) {
		value.applyToMdc();
	}

	@Override
	public void setValue() {
		WorkContext.clearMdc();
	}

}
