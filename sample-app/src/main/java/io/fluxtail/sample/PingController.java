package io.fluxtail.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trivial endpoint that logs nothing itself: what the request context and its completion event
 * cost is measured against it (benchmarks/request-context).
 */
@RestController
class PingController {

	@GetMapping("/ping")
	String ping() {
		return "pong";
	}

}
