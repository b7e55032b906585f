package io.fluxtail.propagation;

import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Lets Micrometer's context-propagation carry the request context to other threads: task
 * decorators, Reactor operators and schedulers. Registered through {@code ServiceLoader}, so
 * {@code ContextRegistry.getInstance()} knows it without configuration.
 *
 * <p>
 * Only Fluxtail's own MDC keys are handled; the tracer's {@code traceId}/{@code spanId} follow the
 * observation, which Micrometer propagates itself.
 */
public final class RequestContextAccessor implements ThreadLocalAccessor<RequestContext> {

	/** Key of the request context in a Reactor {@code Context} or a context snapshot. */
	public static final String KEY = "fluxtail.request-context";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable RequestContext getValue() {
		return RequestContext.current();
	}

	@Override
	public void setValue(RequestContext value) {
		value.applyToMdc();
	}

	@Override
	public void setValue() {
		RequestContext.clearMdc();
	}

}
