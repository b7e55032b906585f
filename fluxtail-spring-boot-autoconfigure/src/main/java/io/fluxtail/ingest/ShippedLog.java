package io.fluxtail.ingest;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;

/**
 * One event as shipped, mapped on the shipper's thread from what the logging thread handed over
 * ({@link IngestEvent}), in the SDK's log data model so that the SDK's OTLP marshalling (or an
 * application's exporter) can take it as it is.
 *
 * @param resource the resource: label fields and the stream
 * @param scope the logger name as instrumentation scope
 * @param epochNanos when the event happened
 * @param severity the level
 * @param severityText the level as written on the line
 * @param message the message, after redaction
 * @param attributes metadata fields, exception details
 * @param spanContext the trace and span ids, invalid when the event had none
 */
record ShippedLog(Resource resource, InstrumentationScopeInfo scope, long epochNanos, Severity severity,
		String severityText, String message, Attributes attributes, SpanContext spanContext)
		implements LogRecordData {

	@Override
	public Resource getResource() {
		return this.resource;
	}

	@Override
	public InstrumentationScopeInfo getInstrumentationScopeInfo() {
		return this.scope;
	}

	@Override
	public long getTimestampEpochNanos() {
		return this.epochNanos;
	}

	@Override
	public long getObservedTimestampEpochNanos() {
		return this.epochNanos;
	}

	@Override
	public SpanContext getSpanContext() {
		return this.spanContext;
	}

	@Override
	public Severity getSeverity() {
		return this.severity;
	}

	@Override
	public String getSeverityText() {
		return this.severityText;
	}

	@Override
	@Deprecated
	@SuppressWarnings("deprecation")
	public Body getBody() {
		return Body.string(this.message);
	}

	@Override
	public Value<?> getBodyValue() {
		return Value.of(this.message);
	}

	@Override
	public Attributes getAttributes() {
		return this.attributes;
	}

	@Override
	public int getTotalAttributeCount() {
		return this.attributes.size();
	}

}
