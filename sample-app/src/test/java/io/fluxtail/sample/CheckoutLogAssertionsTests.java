package io.fluxtail.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.test.CaptureLogs;
import io.fluxtail.test.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout API's own log assertions, written with fluxtail-spring-boot-test as a user of the
 * starter writes them: each test sees the lines its requests wrote, as production writes them.
 * The README's "Testing your logs" example is the first test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CaptureLogs
class CheckoutLogAssertionsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void anAcceptedOrderIsLoggedWithItsIdAsANumber(CapturedLogs logs) throws Exception {
		post("/orders?orderId=4921&totalCents=12999", "req-order-1");

		assertThat(logs).withMessage("order accepted")
			.singleLine()
			.hasRequestId("req-order-1")
			.hasField("order_id", 4921)
			.hasField("total_cents", 12999);
		assertThat(logs.awaitMessage("request completed")).withRequestId("req-order-1")
			.containsMessagesInOrder("order accepted", "request completed")
			.noLineAbove(Level.INFO)
			.satisfiesContract()
			.containsNoSecrets();
	}

	@Test
	void aFailedCaptureIsOneErrorLineOfItsRequestWithTheException(CapturedLogs logs) throws Exception {
		post("/payments/4921/capture", "req-capture-1");

		assertThat(logs).withRequestId("req-capture-1")
			.atLevel(Level.ERROR)
			.withMessage("payment capture failed")
			.singleLine()
			.hasField("order_id", 4921)
			.hasField(CoreFields.ERROR_TYPE, PaymentGateway.CaptureFailedException.class.getName())
			.hasField(CoreFields.STACK_TRACE);
		assertThat(logs).withRequestId("req-capture-1").satisfiesContract().containsNoSecrets();
	}

	private void post(String path, String requestId) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Request-Id", requestId)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		this.http.send(request, HttpResponse.BodyHandlers.discarding());
	}

}
