package io.fluxtail.web.reactive;

import java.util.List;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.testsupport.Exclusions;
import io.fluxtail.testsupport.LocalHttp;
import io.fluxtail.testsupport.LogLines;
import io.fluxtail.web.InboundRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.fluxtail.testsupport.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace ids on every line of a WebFlux request with Micrometer Tracing's OpenTelemetry bridge,
 * across scheduler hops, the error handler and the completion event.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", Exclusions.REACTIVE_OPENTELEMETRY,
				"management.tracing.sampling.probability=1.0", "spring.application.name=reactive-otel",
				"logging.level.org.springframework.web.server.adapter.HttpWebHandlerAdapter=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveOpenTelemetryTracingTests {

	static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

	private final LocalHttp http = new LocalHttp();

	@LocalServerPort
	int port;

	@Autowired
	InboundRequests inbound;

	private LogLines logs;

	@BeforeEach
	void markLogs(CapturedOutput output) {
		this.logs = new LogLines(output);
	}

	@Test
	void theTracingSourceIsOpenTelemetry() {
		assertThat(this.inbound.description().tracingSource()).isEqualTo("micrometer-otel");
	}

	@Test
	void whenTheChainHopsSchedulersThenEveryLineCarriesTheSpansIdsOnceUnderTheContractNames() throws Exception {
		get("/hop", "otel-hop");
		assertTraced(withoutAdapterLines(this.logs.ofCompletedRequest("otel-hop")), 5);
	}

	@Test
	void springsOwnRequestLoggingCarriesTheRequestId() throws Exception {
		get("/orders/8", "otel-adapter");
		// The adapter announces the request before it opens the span: that first line carries the
		// request id only.
		assertThat(this.logs.ofCompletedRequest("otel-adapter"))
			.filteredOn((line) -> text(line, CoreFields.LOGGER).endsWith("HttpWebHandlerAdapter"))
			.extracting((line) -> text(line, CoreFields.MESSAGE))
			.anySatisfy((message) -> assertThat(message).contains("HTTP GET \"/orders/8\""))
			.anySatisfy((message) -> assertThat(message).contains("Completed 200 OK"));
	}

	@Test
	void whenTheHandlerFailsThenTheErrorHandlersLineAndTheCompletionCarryTheTrace() throws Exception {
		get("/boom", "otel-fail");
		List<JsonNode> lines = this.logs.ofCompletedRequest("otel-fail");
		assertThat(lines).anySatisfy((line) -> assertThat(text(line, CoreFields.ERROR_TYPE))
			.isEqualTo("java.lang.IllegalStateException"));
		assertTraced(withoutAdapterLines(lines), 3);
	}

	private static List<JsonNode> withoutAdapterLines(List<JsonNode> lines) {
		return lines.stream().filter((line) -> !text(line, CoreFields.LOGGER).endsWith("HttpWebHandlerAdapter")).toList();
	}

	static void assertTraced(List<JsonNode> lines, int expectedLines) {
		assertThat(lines).hasSize(expectedLines).allSatisfy((line) -> {
			assertThat(text(line, CoreFields.TRACE_ID)).as("trace_id of " + line).isEqualTo(TRACE_ID);
			assertThat(text(line, CoreFields.SPAN_ID)).as("span_id of " + line).matches("[0-9a-f]{16}")
				.isNotEqualTo("b7ad6b7169203331");
			assertThat(line.has(CoreFields.TRACER_TRACE_ID)).as("traceId written twice").isFalse();
			assertThat(line.has(CoreFields.TRACER_SPAN_ID)).as("spanId written twice").isFalse();
		});
	}

	private void get(String path, String requestId) throws Exception {
		this.http.get(this.port, path, "X-Request-Id", requestId, "traceparent", TRACEPARENT);
	}

}
