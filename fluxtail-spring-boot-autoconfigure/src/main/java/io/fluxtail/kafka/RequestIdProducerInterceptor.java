package io.fluxtail.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.UnitDebug;
import io.fluxtail.propagation.TraceParent;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Sends the current {@code request_id} as a record header (with, when configured, the debug token
 * of a request served with debug on demand), and a W3C {@code traceparent} built
 * from the current trace ids when the record carries no trace context yet (Micrometer's
 * {@code KafkaTemplate} observation, when on, has already added its own by the time this runs).
 * Headers the application set itself are kept.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RequestIdProducerInterceptor<K, V> implements ProducerInterceptor<K, V> {

	/** The W3C trace context header. */
	static final String TRACEPARENT = "traceparent";

	/** The B3 single header, which a Brave observation sends instead of {@code traceparent}. */
	static final String B3 = "b3";

	private final String header;

	private final @Nullable String debugHeader;

	/**
	 * Creates the interceptor.
	 * @param header the header the request id is sent in
	 * @param debugHeader the header the debug token of a unit served with debug on demand is sent
	 * in (when {@code fluxtail.debug-on-demand.forward} is on), {@code null} to send none
	 */
	public RequestIdProducerInterceptor(String header, @Nullable String debugHeader) {
		this.header = header;
		this.debugHeader = debugHeader;
	}

	@Override
	public ProducerRecord<K, V> onSend(ProducerRecord<K, V> record) {
		try {
			Headers headers = record.headers();
			String requestId = MDC.get(CoreFields.REQUEST_ID);
			if (requestId != null && headers.lastHeader(this.header) == null) {
				headers.add(this.header, requestId.getBytes(StandardCharsets.UTF_8));
			}
			UnitDebug debug = UnitDebug.onThread();
			String token = (debug != null) ? debug.forwardedToken() : null;
			if (this.debugHeader != null && token != null && headers.lastHeader(this.debugHeader) == null) {
				headers.add(this.debugHeader, token.getBytes(StandardCharsets.UTF_8));
			}
			if (headers.lastHeader(TRACEPARENT) == null && headers.lastHeader(B3) == null) {
				String traceParent = traceParent(firstOf(CoreFields.TRACE_ID, CoreFields.TRACER_TRACE_ID),
						firstOf(CoreFields.SPAN_ID, CoreFields.TRACER_SPAN_ID));
				if (traceParent != null) {
					headers.add(TRACEPARENT, traceParent.getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		catch (RuntimeException ex) {
			// Read-only headers (a record sent twice) or a broken MDC: the record goes out as it is.
		}
		return record;
	}

	/**
	 * Builds a sampled {@code traceparent}; a 64-bit trace id (Brave's default) is left-padded as
	 * W3C allows. Anything that would not parse back is not sent.
	 */
	static @Nullable String traceParent(@Nullable String traceId, @Nullable String spanId) {
		if (traceId == null || spanId == null) {
			return null;
		}
		String fullTraceId = (traceId.length() == 16) ? "0000000000000000" + traceId : traceId;
		String value = "00-" + fullTraceId + "-" + spanId + "-01";
		return (TraceParent.parse(value) != null) ? value : null;
	}

	private static @Nullable String firstOf(String key, String alternative) {
		String value = MDC.get(key);
		return (value != null) ? value : MDC.get(alternative);
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
