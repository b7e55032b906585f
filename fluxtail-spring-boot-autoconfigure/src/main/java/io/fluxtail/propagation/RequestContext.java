package io.fluxtail.propagation;

import io.fluxtail.logging.contract.CoreFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a request puts in the MDC of every thread that works for it.
 *
 * @param requestId the request id
 * @param traceIds trace ids Fluxtail writes itself (from {@code traceparent}, or captured for lines
 * logged outside the tracer's scope), {@code null} when the tracer's own MDC keys provide them
 */
public record RequestContext(String requestId, @Nullable TraceIds traceIds) {

	/**
	 * Reads the context of the current thread.
	 * @return the context, {@code null} when the thread serves no request
	 */
	public static @Nullable RequestContext current() {
		String requestId = MDC.get(CoreFields.REQUEST_ID);
		if (requestId == null) {
			return null;
		}
		String traceId = MDC.get(CoreFields.TRACE_ID);
		TraceIds traceIds = (traceId != null) ? new TraceIds(traceId, MDC.get(CoreFields.SPAN_ID)) : null;
		return new RequestContext(requestId, traceIds);
	}

	/**
	 * Returns this context with the trace ids seen while the request's span was in scope, for lines
	 * written after it (the container's error line, a completion event).
	 * @param seen the ids seen, {@code null} when none were
	 * @return the context to write
	 */
	public RequestContext withTraceIdsSeen(@Nullable TraceIds seen) {
		return (seen != null) ? new RequestContext(this.requestId, seen) : this;
	}

	/**
	 * Puts this context in the current thread's MDC, replacing any other request's keys.
	 */
	public void applyToMdc() {
		MDC.put(CoreFields.REQUEST_ID, this.requestId);
		if (this.traceIds != null) {
			MDC.put(CoreFields.TRACE_ID, this.traceIds.traceId());
			putOrRemove(CoreFields.SPAN_ID, this.traceIds.spanId());
		}
		else {
			MDC.remove(CoreFields.TRACE_ID);
			MDC.remove(CoreFields.SPAN_ID);
		}
	}

	/**
	 * Removes Fluxtail's request keys from the current thread's MDC.
	 */
	public static void clearMdc() {
		MDC.remove(CoreFields.REQUEST_ID);
		MDC.remove(CoreFields.TRACE_ID);
		MDC.remove(CoreFields.SPAN_ID);
	}

	private static void putOrRemove(String key, @Nullable String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
