package io.fluxtail.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;

import io.opentelemetry.api.internal.ImmutableSpanContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.internal.otlp.logs.LowAllocationLogsRequestMarshaler;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.jspecify.annotations.Nullable;

/**
 * The only place that uses OpenTelemetry classes whose javadoc calls them internal, so free to
 * change in any release: the SDK exporters' reusable logs marshaler, and a span context that keeps
 * a trace id without a span id (the public factory drops both then). {@code
 * OpenTelemetryInternalsTests} pins the OpenTelemetry version they were checked against.
 */
final class OpenTelemetryInternals {

	/** The OpenTelemetry release these uses were checked against. */
	static final String CHECKED_VERSION = "1.55.0";

	private OpenTelemetryInternals() {
	}

	/**
	 * A span context of a valid trace id, with the span id when valid and the invalid one
	 * otherwise.
	 * @param traceId a valid trace id
	 * @param spanId the span id, {@code null} when there is none
	 * @return the span context
	 */
	static SpanContext spanContext(String traceId, @Nullable String spanId) {
		return ImmutableSpanContext.create(traceId,
				(spanId != null && SpanId.isValid(spanId)) ? spanId : SpanId.getInvalid(), TraceFlags.getDefault(),
				TraceState.getDefault(), false, true);
	}

	/**
	 * Writes OTLP log requests.
	 */
	static final class LogsMarshaler {

		private final LowAllocationLogsRequestMarshaler marshaler = new LowAllocationLogsRequestMarshaler();

		/**
		 * Writes a batch with the SDK's reusable marshaler (what its own exporters use in
		 * {@code REUSABLE_DATA} memory mode): about a quarter of the garbage per record of a fresh
		 * marshaler per batch, and faster (docs/benchmarks.md). One batch at a time, as it is reused.
		 */
		synchronized byte[] protobuf(Collection<LogRecordData> batch) throws IOException {
			this.marshaler.initialize(batch);
			try {
				ExactSizeBody body = new ExactSizeBody(this.marshaler.getBinarySerializedSize());
				this.marshaler.writeBinaryTo(body);
				return body.bytes();
			}
			finally {
				this.marshaler.reset();
			}
		}

	}

		/**
		 * The body written straight into an array of the size the marshaler computed, where a
		 * {@code ByteArrayOutputStream} would copy it once more.
		 */
		private static final class ExactSizeBody extends OutputStream {

			private final byte[] bytes;

			private int length;

			ExactSizeBody(int size) {
				this.bytes = new byte[size];
			}

			@Override
			public void write(int b) throws IOException {
				if (this.length == this.bytes.length) {
					throw sizeMismatch(this.length + 1);
				}
				this.bytes[this.length++] = (byte) b;
			}

			@Override
			public void write(byte[] source, int offset, int count) throws IOException {
				if (count > this.bytes.length - this.length) {
					throw sizeMismatch(this.length + count);
				}
				System.arraycopy(source, offset, this.bytes, this.length, count);
				this.length += count;
			}

			/**
			 * Returns the body; a size other than computed fails this batch like a failed exchange,
			 * so it is retried and counted, never thrown at the sending thread.
			 */
			byte[] bytes() throws IOException {
				if (this.length != this.bytes.length) {
					throw sizeMismatch(this.length);
				}
				return this.bytes;
			}

			private IOException sizeMismatch(int written) {
				return new IOException("OTLP body of " + written + " bytes where " + this.bytes.length + " were computed");
			}

		}

}
