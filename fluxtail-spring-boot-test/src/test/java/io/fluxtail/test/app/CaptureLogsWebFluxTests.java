package io.fluxtail.test.app;

import io.fluxtail.test.CaptureLogs;
import io.fluxtail.test.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotation on a {@code @WebFluxTest} slice: the lines carry the request's id from the
 * starter's reactive filter, in the application's JSON format, with their JSON types.
 */
@WebFluxTest(properties = { "spring.application.name=orders-api", "fluxtail.environment=test",
		"fluxtail.version=2.0.1" })
@CaptureLogs
class CaptureLogsWebFluxTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theRequestsLinesCarryItsIdAndTheContract(CapturedLogs logs) {
		this.client.post()
			.uri("/orders?orderId=4921")
			.header("X-Request-Id", "req-flux-1")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(logs.awaitMessage("request completed").format().name()).isEqualTo("JSON");
		assertThat(logs).withMessage("order accepted")
			.singleLine()
			.hasRequestId("req-flux-1")
			.hasField("order_id", 4921)
			.hasField("service", "orders-api");
		assertThat(logs).withRequestId("req-flux-1")
			.containsMessagesInOrder("order accepted", "request completed")
			.noLineAbove(Level.INFO)
			.satisfiesContract()
			.containsNoSecrets();
	}

}
