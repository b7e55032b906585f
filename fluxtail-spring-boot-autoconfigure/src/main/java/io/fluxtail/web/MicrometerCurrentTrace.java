package io.fluxtail.web;

import io.fluxtail.propagation.TraceIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the current span from Micrometer Tracing, whichever bridge backs it.
 */
public final class MicrometerCurrentTrace implements CurrentTrace {

	private final Tracer tracer;

	private final String source;

	private MicrometerCurrentTrace(Tracer tracer) {
		this.tracer = tracer;
		this.source = sourceOf(tracer);
	}

	/**
	 * Wraps a tracer.
	 * @param tracer the application's tracer, {@code null} when there is none
	 * @return the current trace, {@code null} for no tracer or Micrometer's no-op tracer
	 */
	public static @Nullable CurrentTrace of(@Nullable Tracer tracer) {
		return (tracer != null && tracer != Tracer.NOOP) ? new MicrometerCurrentTrace(tracer) : null;
	}

	@Override
	public @Nullable TraceIds current() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		return new TraceIds(context.traceId(), context.spanId());
	}

	@Override
	public String source() {
		return this.source;
	}

	private static String sourceOf(Tracer tracer) {
		String type = tracer.getClass().getName();
		if (type.startsWith("io.micrometer.tracing.brave.")) {
			return "micrometer-brave";
		}
		if (type.startsWith("io.micrometer.tracing.otel.")) {
			return "micrometer-otel";
		}
		return "micrometer";
	}

}
