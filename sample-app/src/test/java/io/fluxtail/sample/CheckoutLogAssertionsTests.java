package io.fluxtail.sample;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.test.CaptureLogs;
import io.fluxtail.test.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout API's own log assertions, written with fluxtail-spring-boot-test as a user of the
 * starter writes them: each test sees the lines its requests wrote, as production writes them.
 * The first test is the README's "Testing your logs" example.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CaptureLogs
class CheckoutLogAssertionsTests {

	@Test
	void anAcceptedOrderIsLoggedWithItsIdAsANumber(@Autowired MockMvcTester mvc, CapturedLogs logs) {
		assertThat(mvc.post().uri("/orders?orderId=4921").header("X-Request-Id", "req-order-1")).hasStatusOk();

		assertThat(logs).withMessage("order accepted").singleLine().hasRequestId("req-order-1")
			.hasField("order_id", 4921); // a JSON number: "4921" fails, naming the line and both types
		assertThat(logs).withRequestId("req-order-1").containsMessagesInOrder("order accepted", "request completed")
			.noLineAbove(Level.INFO).satisfiesContract().containsNoSecrets();
	}

	@Test
	void aFailedCaptureIsOneErrorLineOfItsRequestWithTheException(@Autowired MockMvcTester mvc, CapturedLogs logs) {
		assertThat(mvc.post().uri("/payments/4921/capture").header("X-Request-Id", "req-capture-1"))
			.hasStatus(502);

		assertThat(logs).withRequestId("req-capture-1")
			.atLevel(Level.ERROR)
			.withMessage("payment capture failed")
			.singleLine()
			.hasField("order_id", 4921)
			.hasField(CoreFields.ERROR_TYPE, PaymentGateway.CaptureFailedException.class.getName())
			.hasField(CoreFields.STACK_TRACE);
		assertThat(logs).withRequestId("req-capture-1").satisfiesContract().containsNoSecrets();
	}

}
