package io.fluxtail.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trivial endpoint that logs nothing itself: what the request context and its completion event
 * cost is measured against it (benchmarks/request-context). Its DEBUG line, off by default, is
 * the benchmark's reference for the cost of one plain Spring Boot log line per request.
 */
@RestController
class PingController {

	private static final Logger log = LoggerFactory.getLogger("checkout.ping");

	@GetMapping("/ping")
	String ping() {
		log.debug("ping answered");
		return "pong";
	}

}
