package io.fluxtail.web.reactive;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.testsupport.DownstreamServer;
import io.fluxtail.testsupport.Exclusions;
import io.fluxtail.testsupport.LoadRun;
import io.fluxtail.testsupport.LocalHttp;
import io.fluxtail.testsupport.LogLines;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
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
 * The request context of a WebFlux application on a real Reactor Netty server, without a tracer
 * and without any context-propagation property set by the application.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", Exclusions.REACTIVE_NO_TRACER,
				"spring.application.name=reactive-request-context" })
@ExtendWith(OutputCaptureExtension.class)
class ReactiveRequestContextTests {

	private static final String HEADER = "X-Request-Id";

	private final LocalHttp http = new LocalHttp();

	@LocalServerPort
	int port;

	@Autowired
	RequestContextStats stats;

	@Autowired
	InboundRequests inbound;

	private LogLines logs;

	@BeforeEach
	void markLogs(CapturedOutput output) {
		this.logs = new LogLines(output);
	}

	@Test
	void whenInboundIdIsSafeThenEveryLineCarriesItAndTheResponseEchoesIt() throws Exception {
		HttpResponse<String> response = get("/orders/42", HEADER, "flux-7f3a");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HEADER)).hasValue("flux-7f3a");
		assertThat(this.logs.ofCompletedRequest("flux-7f3a")).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("loading order", RequestCompletion.MESSAGE);
		JsonNode completion = this.logs.completion("flux-7f3a");
		assertThat(text(completion, CoreFields.HTTP_ROUTE)).isEqualTo("/orders/{id}");
		assertThat(completion.get(CoreFields.HTTP_STATUS).asInt()).isEqualTo(200);
		assertThat(text(completion, CoreFields.OUTCOME)).isEqualTo("SUCCESS");
	}

	@Test
	void whenInboundIdIsUnsafeThenAFreshIdIsEchoedAndTheValueIsNeverLogged() throws Exception {
		long rejected = this.stats.rejectedInboundIds();
		HttpResponse<String> response = get("/orders/1", HEADER, "x".repeat(129));
		String id = response.headers().firstValue(HEADER).orElseThrow();
		assertThat(id).matches("req-[0-9a-f]{16}");
		assertThat(this.logs.ofCompletedRequest(id)).hasSize(2);
		assertThat(this.logs.rawSinceMark()).doesNotContain("x".repeat(129));
		assertThat(this.stats.rejectedInboundIds()).isEqualTo(rejected + 1);
	}

	@Test
	void whenTheChainHopsToOtherSchedulersThenEveryLineCarriesTheId() throws Exception {
		get("/hop", HEADER, "hop-1");
		List<JsonNode> lines = this.logs.ofCompletedRequest("hop-1");
		assertThat(lines).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("before hop", "after publishOn", "inside subscribeOn", "after delay",
					RequestCompletion.MESSAGE);
		assertThat(lines).extracting((line) -> text(line, CoreFields.THREAD))
			.anySatisfy((thread) -> assertThat(thread).startsWith("boundedElastic"))
			.anySatisfy((thread) -> assertThat(thread).startsWith("parallel"));
	}

	@Test
	void whenTheHandlerFailsThenTheErrorHandlersLinesCarryTheIdAndTheErrorResponseEchoesIt() throws Exception {
		HttpResponse<String> response = get("/boom", HEADER, "flux-fail-1");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue(HEADER)).hasValue("flux-fail-1");
		List<JsonNode> lines = this.logs.ofCompletedRequest("flux-fail-1");
		assertThat(lines).extracting((line) -> text(line, CoreFields.MESSAGE)).contains("about to fail");
		assertThat(lines).as("the error handler's own line")
			.anySatisfy((line) -> assertThat(text(line, CoreFields.ERROR_TYPE))
				.isEqualTo("java.lang.IllegalStateException"));
		JsonNode completion = this.logs.completion("flux-fail-1");
		assertThat(completion.get(CoreFields.LEVEL).asString()).isEqualTo("ERROR");
		assertThat(completion.get(CoreFields.HTTP_STATUS).asInt()).isEqualTo(500);
		assertThat(text(completion, CoreFields.HTTP_ROUTE)).isEqualTo("/boom");
		assertThat(this.logs.sinceMark()).allSatisfy((line) -> assertThat(text(line, CoreFields.REQUEST_ID))
			.isIn("flux-fail-1", CoreFields.MISSING));
	}

	@Test
	void whenAClientErrorIsReturnedThenTheCompletionEventIsInfoWithoutTheQueryString() throws Exception {
		get("/status/409?token=hunter2", HEADER, "flux-409");
		JsonNode completion = this.logs.completion("flux-409");
		assertThat(completion.get(CoreFields.LEVEL).asString()).isEqualTo("INFO");
		assertThat(text(completion, CoreFields.HTTP_ROUTE)).isEqualTo("/status/{code}");
		assertThat(text(completion, CoreFields.OUTCOME)).isEqualTo("CLIENT_ERROR");
		assertThat(this.logs.rawSinceMark()).doesNotContain("hunter2");
	}

	@Test
	void whenAnActuatorPathIsCalledThenNoCompletionEventIsWritten() throws Exception {
		HttpResponse<String> response = get("/actuator/health", HEADER, "flux-health");
		assertThat(response.headers().firstValue(HEADER)).hasValue("flux-health");
		get("/orders/1", HEADER, "flux-after-health");
		this.logs.completion("flux-after-health");
		assertThat(this.logs.matching((line) -> RequestCompletion.MESSAGE.equals(text(line, CoreFields.MESSAGE))))
			.singleElement()
			.satisfies((line) -> assertThat(text(line, CoreFields.REQUEST_ID)).isEqualTo("flux-after-health"));
	}

	@Test
	void whenTheHandlerCallsDownstreamWithWebClientThenTheIdIsSentAndItsCallbackLinesCarryIt() throws Exception {
		try (DownstreamServer downstream = new DownstreamServer(HEADER)) {
			HttpResponse<String> response = get("/outbound?url=" + downstream.url(), HEADER, "flux-out-1");
			assertThat(response.body()).isEqualTo("called");
			assertThat(downstream.received()).containsExactly("flux-out-1");
		}
		assertThat(this.logs.ofCompletedRequest("flux-out-1")).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("downstream answered", RequestCompletion.MESSAGE);
	}

	@Test
	void whenAValidTraceparentArrivesWithoutATracerThenItProvidesTheTraceId() throws Exception {
		assertThat(this.inbound.description().tracingSource()).isEqualTo("traceparent");
		HttpResponse<String> response = get("/hop", "traceparent",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		String id = response.headers().firstValue(HEADER).orElseThrow();
		assertThat(this.logs.ofCompletedRequest(id)).hasSize(5)
			.allSatisfy((line) -> assertThat(text(line, CoreFields.TRACE_ID))
				.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
	}

	@Test
	void whenThousandsOfRequestsRunAtOnceThenEveryLineCarriesItsOwnRequestsIdAndNoOther() throws Exception {
		LoadRun.send(this.port, HEADER, 2_000, 64);
		LoadRun.assertEveryLineMatchesItsRequest(this.logs, 2_000, 4);
	}

	private HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
		return this.http.get(this.port, path, header, value);
	}

}
