package io.fluxtail.web.servlet;

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
 * Trace ids on every line of a Spring MVC request with Micrometer Tracing's Brave bridge.
 */
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { Exclusions.SERVLET_BRAVE,
				"management.tracing.sampling.probability=1.0", "spring.application.name=servlet-brave",
				"logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class ServletBraveTracingTests {

	static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

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
	void theTracingSourceIsBrave() {
		assertThat(this.inbound.description().tracingSource()).isEqualTo("micrometer-brave");
	}

	@Test
	void whenARequestIsTracedThenEveryLineCarriesTheSpansIdsOnceUnderTheContractNames() throws Exception {
		get("/orders/3", "brave-1");
		List<JsonNode> lines = this.logs.ofCompletedRequest("brave-1");
		assertThat(lines).as("Spring's own request logging")
			.filteredOn((line) -> text(line, CoreFields.LOGGER).endsWith("DispatcherServlet"))
			.hasSizeGreaterThanOrEqualTo(2);
		assertTraced(lines);
	}

	@Test
	void whenTheHandlerFailsThenTheContainersErrorLineAndTheCompletionCarryTheTrace() throws Exception {
		get("/boom", "brave-fail");
		List<JsonNode> lines = this.logs.ofCompletedRequest("brave-fail");
		assertThat(lines).anySatisfy((line) -> assertThat(text(line, CoreFields.LOGGER)).startsWith("org.apache.catalina"));
		assertTraced(lines);
	}

	@Test
	void whenTheHandlerGoesAsyncThenLinesOnExecutorThreadsCarryTheTrace() throws Exception {
		get("/callable", "brave-async");
		List<JsonNode> lines = this.logs.ofCompletedRequest("brave-async");
		assertThat(lines).extracting((line) -> text(line, CoreFields.THREAD))
			.anySatisfy((thread) -> assertThat(thread).startsWith("task-"));
		assertTraced(lines);
	}

	static void assertTraced(List<JsonNode> lines) {
		assertThat(lines).isNotEmpty().allSatisfy((line) -> {
			assertThat(text(line, CoreFields.TRACE_ID)).as("trace_id of " + line).isEqualTo(TRACE_ID);
			assertThat(text(line, CoreFields.SPAN_ID)).as("span_id of " + line).matches("[0-9a-f]{16}")
				.isNotEqualTo("00f067aa0ba902b7");
			assertThat(line.has(CoreFields.TRACER_TRACE_ID)).as("traceId written twice").isFalse();
			assertThat(line.has(CoreFields.TRACER_SPAN_ID)).as("spanId written twice").isFalse();
		});
	}

	private void get(String path, String requestId) throws Exception {
		this.http.get(this.port, path, "X-Request-Id", requestId, "traceparent", TRACEPARENT);
	}

}
