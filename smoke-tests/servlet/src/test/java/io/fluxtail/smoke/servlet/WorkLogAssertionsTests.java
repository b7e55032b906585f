package io.fluxtail.smoke.servlet;

import io.fluxtail.test.CaptureLogs;
import io.fluxtail.test.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet shape's handlers tested as a user tests a controller: a {@code @WebMvcTest} slice
 * with {@code @CaptureLogs}, whose lines carry the request's id from the starter's filter, on
 * the {@code @Async} thread too. The scheduled {@code tick} also writes while the test runs: capture
 * is per JVM, so the assertions narrow by request id.
 */
@WebMvcTest(WorkController.class)
@Import(AsyncWork.class)
@CaptureLogs
class WorkLogAssertionsTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private RestClient.Builder restClientBuilder;

	@Test
	void aHandlersLineCarriesItsRequestsIdAndProbe(CapturedLogs logs) {
		assertThat(this.mvc.get().uri("/hello?probe=p-hello").header("X-Request-Id", "p-hello")).hasStatusOk();

		assertThat(logs).withRequestId("p-hello")
			.withMessage("hello")
			.singleLine()
			.hasLogger("smoke.web")
			.hasField("probe", "p-hello")
			.hasField("service", "smoke-servlet");
		assertThat(logs).withRequestId("p-hello").noLineAbove(Level.INFO).satisfiesContract().containsNoSecrets();
	}

	@Test
	void asyncWorkLogsUnderTheRequestsIdAfterTheHandOver(CapturedLogs logs) {
		assertThat(this.mvc.get().uri("/async?probe=p-async").header("X-Request-Id", "p-async")).hasStatusOk();

		assertThat(logs).withRequestId("p-async")
			.containsMessagesInOrder("handing over to @Async", "async work done")
			.withMessage("async work done")
			.singleLine()
			.hasField("probe", "p-async");
	}

}
