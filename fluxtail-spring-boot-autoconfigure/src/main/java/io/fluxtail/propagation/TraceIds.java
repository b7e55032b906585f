package io.fluxtail.propagation;

import org.jspecify.annotations.Nullable;

/**
 * Trace and span id of a request, as written in the {@code trace_id} and {@code span_id} fields.
 *
 * @param traceId the trace id
 * @param spanId the span id, {@code null} when only the trace is known (a {@code traceparent}
 * header without a tracer)
 */
public record TraceIds(String traceId, @Nullable String spanId) {

}
