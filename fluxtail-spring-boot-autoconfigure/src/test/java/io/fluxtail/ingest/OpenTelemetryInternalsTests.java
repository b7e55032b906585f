package io.fluxtail.ingest;

import io.opentelemetry.api.internal.ImmutableSpanContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.exporter.internal.otlp.logs.LowAllocationLogsRequestMarshaler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenTelemetry internals the starter uses, pinned to the release they were checked against:
 * an upgrade fails here first, a reminder to read those classes again.
 */
class OpenTelemetryInternalsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Test
	void theInternalClassesAreThoseOfTheCheckedRelease() {
		assertThat(LowAllocationLogsRequestMarshaler.class.getPackage().getImplementationVersion())
			.as("OpenTelemetryInternals was checked against %s; read its uses again before upgrading",
					OpenTelemetryInternals.CHECKED_VERSION)
			.isEqualTo(OpenTelemetryInternals.CHECKED_VERSION);
		assertThat(ImmutableSpanContext.class.getPackage().getImplementationVersion())
			.isEqualTo(OpenTelemetryInternals.CHECKED_VERSION);
	}

	@Test
	void aTraceIdWithoutASpanIdIsKept() {
		SpanContext context = OpenTelemetryInternals.spanContext(TRACE_ID, null);
		assertThat(context.getTraceId()).isEqualTo(TRACE_ID);
		assertThat(context.getSpanId()).isEqualTo(SpanId.getInvalid());
		assertThat(SpanContext.create(TRACE_ID, SpanId.getInvalid(), context.getTraceFlags(), context.getTraceState())
			.getTraceId()).as("the public factory drops the trace id, hence the internal one").isNotEqualTo(TRACE_ID);
	}

	@Test
	void aValidSpanIdIsKept() {
		assertThat(OpenTelemetryInternals.spanContext(TRACE_ID, "00f067aa0ba902b7").getSpanId())
			.isEqualTo("00f067aa0ba902b7");
	}

}
