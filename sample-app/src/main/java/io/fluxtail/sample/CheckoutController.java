package io.fluxtail.sample;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that reproduce production logging scenarios: business ids as typed fields, warnings
 * with measurements, and an error with its stack trace.
 */
@RestController
class CheckoutController {

	private static final Logger log = LoggerFactory.getLogger("checkout.api");

	private final PaymentGateway gateway;

	CheckoutController(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	@PostMapping("/orders")
	Map<String, Object> placeOrder(@RequestParam(defaultValue = "4921") long orderId,
			@RequestParam(defaultValue = "12999") long totalCents) {
		log.atInfo().addKeyValue("order_id", orderId).addKeyValue("total_cents", totalCents).log("order accepted");
		return Map.of("order_id", orderId, "status", "accepted");
	}

	@PostMapping("/payments/{orderId}/retry")
	ResponseEntity<Map<String, Object>> retryPayment(@PathVariable long orderId) {
		int attempts = this.gateway.chargeWithRetries(orderId, 3);
		log.atWarn()
			.addKeyValue("order_id", orderId)
			.addKeyValue("attempts", attempts)
			.log("payment retry failed after {} attempts", attempts);
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("order_id", orderId, "status", "failed"));
	}

	@GetMapping("/gateway/latency")
	Map<String, Object> gatewayLatency() {
		long durationMs = this.gateway.probeLatencyMillis();
		log.atWarn().addKeyValue("duration_ms", durationMs).addKeyValue("threshold_ms", 500).log("gateway latency high");
		return Map.of("duration_ms", durationMs);
	}

	@PostMapping("/login")
	ResponseEntity<Map<String, Object>> login(@RequestParam(defaultValue = "u-1042") String userId) {
		log.atInfo().addKeyValue("user_id", userId).addKeyValue("reason", "bad_credentials").log("login rejected");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", "rejected"));
	}

	@PostMapping("/payments/{orderId}/capture")
	ResponseEntity<Map<String, Object>> capture(@PathVariable long orderId) {
		try {
			this.gateway.capture(orderId);
			return ResponseEntity.ok(Map.of("order_id", orderId, "status", "captured"));
		}
		catch (PaymentGateway.CaptureFailedException ex) {
			log.atError().addKeyValue("order_id", orderId).setCause(ex).log("payment capture failed");
			return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("order_id", orderId, "status", "error"));
		}
	}

}
