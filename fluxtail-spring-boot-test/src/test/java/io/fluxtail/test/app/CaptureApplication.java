package io.fluxtail.test.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small application whose one endpoint logs a typed business field.
 */
@SpringBootApplication
public class CaptureApplication {

	@RestController
	static class OrderController {

		private static final Logger log = LoggerFactory.getLogger("orders");

		@PostMapping("/orders")
		String accept(@RequestParam long orderId) {
			log.atInfo().addKeyValue("order_id", orderId).log("order accepted");
			return "accepted";
		}

	}

}
