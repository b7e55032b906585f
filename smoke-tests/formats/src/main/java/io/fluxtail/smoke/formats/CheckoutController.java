package io.fluxtail.smoke.formats;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs an ordinary line, one built to break a line format, one with characters that hide or
 * reorder text and names of a megabyte, and an exception.
 */
@RestController
class CheckoutController {

	/** A message that forges a line, fields and quotes in naive formats. */
	static final String TRICKY_MESSAGE = "user said \"hi\"\n2026-04-24T10:14:03.125Z ERROR fake service=evil env=x";

	/** A message whose right-to-left override, zero-width characters and DEL a terminal would act on. */
	static final String INVISIBLE_MESSAGE = "invoice\u202egpj.exe\u200b\ufeff\u2066 sent\u007f";

	/** A name far beyond any real one, as a key built from request input can be. */
	static final String LONG_NAME = "x".repeat(1024 * 1024);

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
		try (MDC.MDCCloseable name = MDC.putCloseable("mdc." + LONG_NAME, "kept")) {
			log.atInfo()
				.setMessage(INVISIBLE_MESSAGE)
				.addKeyValue("file\u202ename", "a\u200bb")
				.addKeyValue("kv." + LONG_NAME, "kept")
				.addKeyValue("nested", Map.of("n\u2066", List.of("del\u007f")))
				.log();
		}
		log.error("payment capture failed", new IllegalStateException("gateway said \"no\"\nretry=3"));
		return "ok";
	}

}
