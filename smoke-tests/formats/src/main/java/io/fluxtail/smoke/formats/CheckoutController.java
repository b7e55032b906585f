package io.fluxtail.smoke.formats;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs an ordinary line, one built to break a line format, and an exception.
 */
@RestController
class CheckoutController {

	/** A message that forges a line, fields and quotes in naive formats. */
	static final String TRICKY_MESSAGE = "user said \"hi\"\n2026-04-24T10:14:03.125Z ERROR fake service=evil env=x";

	private static final Logger log = LoggerFactory.getLogger("checkout.api");

	@PostMapping("/checkout")
	String checkout() {
		log.atInfo().setMessage("checkout started").addKeyValue("order_id", 4921).log();
		log.atWarn()
			.setMessage(TRICKY_MESSAGE)
			.addKeyValue("k space", "v=1")
			.addKeyValue("nothing", (Object) null)
			.addKeyValue("empty", "")
			.addKeyValue("cart", Map.of("items", List.of("sku-1", "sku \"2\"")))
			.log();
		log.error("payment capture failed", new IllegalStateException("gateway said \"no\"\nretry=3"));
		return "ok";
	}

}
