package io.fluxtail.web.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.testsupport.DownstreamServer;
import io.fluxtail.testsupport.Exclusions;
import io.fluxtail.testsupport.LoadRun;
import io.fluxtail.testsupport.LocalHttp;
import io.fluxtail.testsupport.LogLines;
import io.fluxtail.testsupport.RawHttp;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import static io.fluxtail.testsupport.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request context of a Spring MVC application on a real Tomcat, without a tracer.
 */
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { Exclusions.SERVLET_NO_TRACER,
				"spring.application.name=servlet-request-context" })
@Import(ServletRequestContextTests.Probe.class)
@ExtendWith(OutputCaptureExtension.class)
class ServletRequestContextTests {

	private static final String HEADER = "X-Request-Id";

	private final LocalHttp http = new LocalHttp();

	@LocalServerPort
	int port;

	@Autowired
	RequestContextStats stats;

	@Autowired
	InboundRequests inbound;

	@Autowired
	MdcProbeFilter probe;

	private LogLines logs;

	@BeforeEach
	void markLogs(CapturedOutput output) {
		this.logs = new LogLines(output);
	}

	@Test
	void whenInboundIdIsSafeThenEveryLineCarriesItAndTheResponseEchoesIt() throws Exception {
		HttpResponse<String> response = get("/orders/42", HEADER, "checkout-7f3a.retry:2~x_y");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HEADER)).hasValue("checkout-7f3a.retry:2~x_y");
		List<JsonNode> lines = this.logs.ofCompletedRequest("checkout-7f3a.retry:2~x_y");
		assertThat(lines).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("loading order", RequestCompletion.MESSAGE);
	}

	@Test
	void whenNoInboundIdThenAGeneratedIdIsUsedAndEchoed() throws Exception {
		HttpResponse<String> response = get("/orders/1", null, null);
		String id = response.headers().firstValue(HEADER).orElseThrow();
		assertThat(id).matches("req-[0-9a-f]{16}");
		assertThat(this.logs.ofCompletedRequest(id)).hasSize(2);
	}

	@Test
	void whenOnlyTheAlternativeHeaderIsSentThenItsIdIsUsed() throws Exception {
		HttpResponse<String> response = get("/orders/1", "X-Correlation-Id", "corr-123");
		assertThat(response.headers().firstValue(HEADER)).hasValue("corr-123");
		assertThat(this.logs.ofCompletedRequest("corr-123")).hasSize(2);
	}

	static Stream<Arguments> unsafeIds() {
		return Stream.of(Arguments.of("too long", "a".repeat(129).getBytes(StandardCharsets.US_ASCII)),
				Arguments.of("space", "abc def-unsafe".getBytes(StandardCharsets.US_ASCII)),
				Arguments.of("non-ascii", "caf\u00e9-unsafe".getBytes(StandardCharsets.UTF_8)),
				Arguments.of("json", "{\"level\":\"ERROR\"}-unsafe".getBytes(StandardCharsets.US_ASCII)),
				Arguments.of("empty", new byte[0]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeIds")
	void whenInboundIdIsUnsafeThenAFreshIdIsUsedTheValueIsNeverLoggedAndTheRejectionIsCounted(String kind,
			byte[] value) throws Exception {
		long rejected = this.stats.rejectedInboundIds();
		byte[] headerLine = concat((HEADER + ": ").getBytes(StandardCharsets.US_ASCII), value);
		String head = RawHttp.get(this.port, "/orders/9", headerLine);
		assertThat(head).startsWith("HTTP/1.1 200");
		String echoed = head.lines()
			.filter((line) -> line.regionMatches(true, 0, HEADER + ":", 0, HEADER.length() + 1))
			.map((line) -> line.substring(HEADER.length() + 1).trim())
			.findFirst()
			.orElseThrow();
		assertThat(echoed).matches("req-[0-9a-f]{16}");
		assertThat(this.logs.ofCompletedRequest(echoed)).hasSize(2);
		if (value.length > 0) {
			String raw = new String(value, StandardCharsets.UTF_8);
			assertThat(this.logs.rawSinceMark()).doesNotContain(raw).doesNotContain("unsafe");
		}
		assertThat(this.stats.rejectedInboundIds()).isEqualTo(rejected + 1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("controlCharacterIds")
	void whenInboundIdHasControlCharactersThenTomcatRefusesTheRequestAndTheValueIsNeverLogged(String kind,
			byte[] value) throws Exception {
		byte[] headerLine = concat((HEADER + ": ").getBytes(StandardCharsets.US_ASCII), value);
		String head = RawHttp.get(this.port, "/orders/9", headerLine);
		assertThat(head).startsWith("HTTP/1.1 400");
		// Tomcat reports the refused header line itself, with control characters escaped
		assertThat(this.logs.rawSinceMark()).doesNotContain(new String(value, StandardCharsets.US_ASCII));
		assertThat(this.logs.sinceMark()).noneSatisfy((line) -> assertThat(text(line, CoreFields.REQUEST_ID))
			.contains("unsafe"));
	}

	static Stream<Arguments> controlCharacterIds() {
		return Stream.of(Arguments.of("escape", "abc\u001b[31mred-unsafe".getBytes(StandardCharsets.US_ASCII)),
				Arguments.of("bell", "abc\u0007bell-unsafe".getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void whenTheHandlerFailsThenTheErrorDispatchLinesCarryTheIdAndTheErrorResponseEchoesIt() throws Exception {
		HttpResponse<String> response = get("/boom", HEADER, "fail-1");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue(HEADER)).hasValue("fail-1");
		List<JsonNode> lines = this.logs.ofCompletedRequest("fail-1");
		assertThat(lines).extracting((line) -> text(line, CoreFields.MESSAGE)).contains("about to fail");
		assertThat(lines).as("the container's own error line").anySatisfy((line) -> {
			assertThat(text(line, CoreFields.LOGGER)).startsWith("org.apache.catalina");
			assertThat(text(line, CoreFields.ERROR_TYPE)).isEqualTo("java.lang.IllegalStateException");
		});
		JsonNode completion = this.logs.completion("fail-1");
		assertThat(completion.get(CoreFields.LEVEL).asString()).isEqualTo("ERROR");
		assertThat(completion.get(CoreFields.HTTP_STATUS).asInt()).isEqualTo(500);
		assertThat(text(completion, CoreFields.HTTP_ROUTE)).isEqualTo("/boom");
		assertThat(text(completion, CoreFields.OUTCOME)).isEqualTo("ERROR");
		assertThat(this.logs.sinceMark()).allSatisfy((line) -> assertThat(text(line, CoreFields.REQUEST_ID))
			.isIn("fail-1", CoreFields.MISSING));
	}

	@Test
	void whenANotFoundIsReturnedThenTheCompletionEventIsInfoWithTheRouteTemplateAndNoQueryString()
			throws Exception {
		get("/status/404?secret=hunter2", HEADER, "status-404");
		JsonNode completion = this.logs.completion("status-404");
		assertThat(completion.get(CoreFields.LEVEL).asString()).isEqualTo("INFO");
		assertThat(text(completion, CoreFields.HTTP_METHOD)).isEqualTo("GET");
		assertThat(text(completion, CoreFields.HTTP_ROUTE)).isEqualTo("/status/{code}");
		assertThat(completion.get(CoreFields.HTTP_STATUS).asInt()).isEqualTo(404);
		assertThat(text(completion, CoreFields.OUTCOME)).isEqualTo("CLIENT_ERROR");
		assertThat(completion.get(CoreFields.DURATION_MS).isNumber()).isTrue();
		assertThat(this.logs.rawSinceMark()).doesNotContain("hunter2");
	}

	@Test
	void whenNoHandlerMatchesThenTheRouteIsNotTheRawPath() throws Exception {
		HttpResponse<String> response = get("/no/such/path/x9", HEADER, "unmatched-1");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue(HEADER)).hasValue("unmatched-1");
		JsonNode completion = this.logs.completion("unmatched-1");
		// Spring's catch-all resource handler matches: its template, never the raw path
		assertThat(text(completion, CoreFields.HTTP_ROUTE)).isEqualTo("/**");
	}

	@Test
	void whenAnActuatorPathIsCalledThenNoCompletionEventIsWritten() throws Exception {
		HttpResponse<String> response = get("/actuator/health", HEADER, "health-1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HEADER)).hasValue("health-1");
		get("/orders/1", HEADER, "after-health");
		this.logs.completion("after-health");
		assertThat(this.logs.matching((line) -> RequestCompletion.MESSAGE.equals(text(line, CoreFields.MESSAGE))))
			.singleElement()
			.satisfies((line) -> assertThat(text(line, CoreFields.REQUEST_ID)).isEqualTo("after-health"));
	}

	@Test
	void whenTheHandlerIsAsyncThenLinesFromAsyncThreadsCarryTheIdAndOneCompletionIsWritten() throws Exception {
		assertThat(get("/callable", HEADER, "callable-1").body()).isEqualTo("done");
		assertThat(get("/deferred", HEADER, "deferred-1").body()).isEqualTo("done");
		assertThat(get("/async", HEADER, "async-1").body()).isEqualTo("one");
		assertThat(this.logs.ofCompletedRequest("callable-1")).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("callable accepted", "callable running", RequestCompletion.MESSAGE);
		assertThat(this.logs.ofCompletedRequest("deferred-1")).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("deferred completing", RequestCompletion.MESSAGE);
		List<JsonNode> async = this.logs.ofCompletedRequest("async-1");
		assertThat(async).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("async one", RequestCompletion.MESSAGE);
		assertThat(text(async.get(0), CoreFields.THREAD)).isNotEqualTo(text(async.get(1), CoreFields.THREAD));
		assertThat(text(async.get(0), "user_decorated")).as("the user's TaskDecorator still runs").isEqualTo("yes");
	}

	/**
	 * What the README says: the context follows the threads Spring hands the request's work to,
	 * not threads the application starts itself.
	 */
	@Test
	void linesOnThreadsTheApplicationStartsItselfHaveNoRequestId() throws Exception {
		assertThat(get("/own-threads", HEADER, "own-threads-1").body()).isEqualTo("done");
		this.logs.completion("own-threads-1");
		assertThat(this.logs.matching((line) -> text(line, CoreFields.MESSAGE).startsWith("on a")
				|| text(line, CoreFields.MESSAGE).equals("on the common pool")))
			.hasSize(2)
			.allSatisfy((line) -> assertThat(text(line, CoreFields.REQUEST_ID)).isEqualTo(CoreFields.MISSING));
	}

	@Test
	void whenATaskIsScheduledOnBootsSchedulerThenItCarriesTheId() throws Exception {
		assertThat(get("/scheduled", HEADER, "scheduled-1").body()).isEqualTo("ran");
		assertThat(this.logs.ofCompletedRequest("scheduled-1")).extracting((line) -> text(line, CoreFields.MESSAGE))
			.containsExactly("scheduled task", RequestCompletion.MESSAGE);
	}

	@Test
	void whenRequestsEndNormallyFailOrGoAsyncThenTheThreadsMdcIsExactlyWhatItWasBefore() throws Exception {
		this.probe.violations.clear();
		int requestsBefore = this.probe.checkedRequests.get();
		int dispatchesBefore = this.probe.checkedDispatches.get();
		List<String> paths = List.of("/orders/1", "/boom", "/leak", "/callable", "/deferred", "/async", "/status/503",
				"/no/such/path", "/leak");
		for (String path : paths) {
			get(path, HEADER, "hygiene-1");
		}
		// the probe really watched every request (the container ends the last one just after the
		// client has its response), and the async and error dispatches on top
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.probe.checkedRequests.get() - requestsBefore).isEqualTo(paths.size()));
		assertThat(this.probe.violations).isEmpty();
		assertThat(this.probe.checkedDispatches.get() - dispatchesBefore).isGreaterThan(paths.size());
	}

	@Test
	void whenTheHandlerCallsDownstreamThenRestClientRestTemplateAndWebClientSendTheId() throws Exception {
		try (DownstreamServer downstream = new DownstreamServer(HEADER)) {
			HttpResponse<String> response = get("/outbound?url=" + downstream.url(), HEADER, "outbound-1");
			assertThat(response.body()).isEqualTo("called");
			assertThat(downstream.received()).containsExactly("outbound-1", "outbound-1", "outbound-1");
		}
		assertThat(this.logs.ofCompletedRequest("outbound-1")).extracting((line) -> text(line, CoreFields.MESSAGE))
			.contains("outbound done");
	}

	@Test
	void whenAValidTraceparentArrivesWithoutATracerThenItProvidesTheTraceId() throws Exception {
		assertThat(this.inbound.description().tracingSource()).isEqualTo("traceparent");
		get("/orders/5", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		List<JsonNode> lines = this.logs.matching((line) -> "loading order".equals(text(line, CoreFields.MESSAGE)));
		assertThat(lines).singleElement()
			.satisfies((line) -> assertThat(text(line, CoreFields.TRACE_ID))
				.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
	}

	@Test
	void whenAMalformedTraceparentArrivesThenItIsIgnoredAndNeverEchoed() throws Exception {
		for (String malformed : List.of("00-4bf92f3577b34da6a3ce929d0e0e47zz-00f067aa0ba902b7-01",
				"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
				"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")) {
			this.logs.mark();
			HttpResponse<String> response = get("/orders/6", "traceparent", malformed);
			assertThat(response.headers().map().values().stream().flatMap(List::stream)).doesNotContain(malformed);
			List<JsonNode> lines = this.logs.matching((line) -> "loading order".equals(text(line, CoreFields.MESSAGE)));
			assertThat(lines).singleElement().satisfies((line) -> assertThat(line.has(CoreFields.TRACE_ID)).isFalse());
			assertThat(this.logs.rawSinceMark()).doesNotContain(malformed.substring(3, 35));
		}
	}

	@Test
	void whenThousandsOfRequestsRunAtOnceThenEveryLineCarriesItsOwnRequestsIdAndNoOther() throws Exception {
		LoadRun.send(this.port, HEADER, 2_000, 64);
		LoadRun.assertEveryLineMatchesItsRequest(this.logs, 2_000, 4);
	}

	private HttpResponse<String> get(String path, String header, String value) throws IOException, InterruptedException {
		return (header != null) ? this.http.get(this.port, path, header, value) : this.http.get(this.port, path);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		MdcProbeFilter mdcProbeFilter() {
			return new MdcProbeFilter();
		}

		@Bean
		ServletListenerRegistrationBean<MdcProbeFilter> mdcProbeListener(MdcProbeFilter filter) {
			return new ServletListenerRegistrationBean<>(filter);
		}

		@Bean
		FilterRegistrationBean<MdcProbeFilter> mdcProbeRegistration(MdcProbeFilter filter) {
			FilterRegistrationBean<MdcProbeFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

	}

}
