package io.fluxtail.kafka;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugSettings;
import io.fluxtail.logging.debug.DebugStats;
import io.fluxtail.logging.debug.UnitDebug;
import io.fluxtail.propagation.TraceIds;
import io.fluxtail.propagation.WorkContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdProducerInterceptorTests {

	private final RequestIdProducerInterceptor<String, String> interceptor = new RequestIdProducerInterceptor<>(
			"X-Request-Id", null);

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void theDebugTokenOfAUnitServedWithDebugOnDemandGoesOnlyWhenForwardingIsOn() {
		RequestIdProducerInterceptor<String, String> forwarding = new RequestIdProducerInterceptor<>("X-Request-Id",
				"X-Fluxtail-Debug");
		DebugLines forward = lines(true);
		UnitDebug.putOnThread(forward.open("token-1"));
		ProducerRecord<String, String> sent = forwarding.onSend(new ProducerRecord<>("orders", "order-1"));
		assertThat(new String(sent.headers().lastHeader("X-Fluxtail-Debug").value(), StandardCharsets.UTF_8))
			.isEqualTo("token-1");
		UnitDebug.putOnThread(lines(false).open("token-1"));
		assertThat(forwarding.onSend(new ProducerRecord<>("orders", "order-2")).headers().lastHeader("X-Fluxtail-Debug"))
			.isNull();
		UnitDebug.putOnThread(null);
	}

	private static DebugLines lines(boolean forward) {
		return new DebugLines(new DebugSettings(null, 0, 0, 0, Level.DEBUG, forward), new DebugStats(),
				new LoggerContext().getLogger(DebugLines.LOGGER_NAME));
	}

	@Test
	void sendsTheRequestIdAndTheTraceAsTraceparent() {
		WorkContext.http("req-42", new TraceIds("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")).applyToMdc();

		ProducerRecord<String, String> record = this.interceptor.onSend(new ProducerRecord<>("orders", "v"));

		assertThat(header(record, "X-Request-Id")).isEqualTo("req-42");
		assertThat(header(record, "traceparent")).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
	}

	@Test
	void aTracersSixtyFourBitTraceIdIsPadded() {
		MDC.put(CoreFields.TRACER_TRACE_ID, "a3ce929d0e0e4736");
		MDC.put(CoreFields.TRACER_SPAN_ID, "00f067aa0ba902b7");

		ProducerRecord<String, String> record = this.interceptor.onSend(new ProducerRecord<>("orders", "v"));

		assertThat(header(record, "X-Request-Id")).isNull();
		assertThat(header(record, "traceparent")).isEqualTo("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-01");
	}

	@Test
	void headersTheApplicationOrMicrometerSetAreKept() {
		WorkContext.http("req-42", new TraceIds("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")).applyToMdc();
		ProducerRecord<String, String> record = new ProducerRecord<>("orders", "v");
		record.headers().add("X-Request-Id", "chosen".getBytes(StandardCharsets.UTF_8));
		record.headers().add("b3", "4bf92f3577b34da6-00f067aa0ba902b7-1".getBytes(StandardCharsets.UTF_8));

		this.interceptor.onSend(record);

		assertThat(record.headers().headers("X-Request-Id")).hasSize(1);
		assertThat(header(record, "X-Request-Id")).isEqualTo("chosen");
		assertThat(header(record, "traceparent")).isNull();
	}

	@Test
	void nothingIsSentOutsideAnyContext() {
		ProducerRecord<String, String> record = this.interceptor.onSend(new ProducerRecord<>("orders", "v"));

		assertThat(record.headers().toArray()).isEmpty();
	}

	private static String header(ProducerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
