package io.fluxtail.test.app;

import io.fluxtail.test.CaptureLogs;
import io.fluxtail.test.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotation on a {@code @WebMvcTest} slice, with the application's format set to logfmt:
 * the lines carry the request's id from the starter's filter, are strict logfmt as written, and
 * keep their JSON types for assertions.
 */
@WebMvcTest(properties = { "spring.application.name=orders-api", "fluxtail.environment=test",
		"fluxtail.version=2.0.1", "fluxtail.format=logfmt" })
@CaptureLogs
class CaptureLogsWebMvcTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theRequestsLinesCarryItsIdAndTheContractInTheApplicationsFormat(CapturedLogs logs) {
		assertThat(this.mvc.post().uri("/orders?orderId=4921").header("X-Request-Id", "req-order-1")).hasStatusOk();

		assertThat(logs.format().name()).isEqualTo("LOGFMT");
		assertThat(logs).withMessage("order accepted")
			.singleLine()
			.hasRequestId("req-order-1")
			.hasField("order_id", 4921)
			.hasField("service", "orders-api");
		assertThat(logs.lines()).allSatisfy((line) -> assertThat(line.text()).startsWith("timestamp="));
		assertThat(logs).withRequestId("req-order-1")
			.containsMessagesInOrder("order accepted", "request completed")
			.noLineAbove(Level.INFO)
			.satisfiesContract()
			.containsNoSecrets();
	}

}
