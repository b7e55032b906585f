package io.fluxtail.sample;

import java.net.SocketTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A payment gateway client that is having a bad day.
 */
@Component
class PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger("checkout.gateway");

	int chargeWithRetries(long orderId, int maxAttempts) {
		for (int attempt = 1; attempt <= maxAttempts; attempt++) {
			log.atDebug().addKeyValue("order_id", orderId).addKeyValue("attempt", attempt).log("charge declined");
		}
		return maxAttempts;
	}

	long probeLatencyMillis() {
		return 1840;
	}

	void capture(long orderId) {
		try {
			throw new SocketTimeoutException("Read timed out after 2000 ms");
		}
		catch (SocketTimeoutException ex) {
			throw new CaptureFailedException("Capture of order " + orderId + " failed", ex);
		}
	}

	static class CaptureFailedException extends RuntimeException {

		CaptureFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
