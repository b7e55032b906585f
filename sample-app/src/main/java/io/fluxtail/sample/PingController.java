package io.fluxtail.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trivial endpoint that logs nothing itself: what the request context and its completion event
 * cost is measured against it (benchmarks/request-context). Its DEBUG line, off by default, is
 * the benchmark's reference for the cost of one plain Spring Boot log line per request.
 * {@code /ping/debug} writes five DEBUG lines with arguments, as a handler traced for debugging
 * does, for the cost of debug lines that are off or kept until the request fails
 * (benchmarks/cpu-per-request).
 */
@RestController
class PingController {

	private static final Logger log = LoggerFactory.getLogger("checkout.ping");

	@GetMapping("/ping")
	String ping() {
		log.debug("ping answered");
		return "pong";
	}

	@GetMapping("/ping/debug")
	String pingDebug(@RequestParam(defaultValue = "4921") long orderId) {
		log.debug("looking up order {}", orderId);
		log.debug("order {} found in cache region {}", orderId, "eu-west");
		log.debug("applying {} discount rules", 3);
		log.debug("total for order {} is {} cents", orderId, 12999);
		log.debug("ping for order {} answered", orderId);
		return "pong";
	}

}
