package io.fluxtail.smoke.redaction.structured;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs the id its client sent as a key/value pair, so that a concurrent run can match every line
 * with the request that wrote it, beside a pair whose name the format already uses.
 */
@RestController
class ProbeController {

	private static final Logger log = LoggerFactory.getLogger(ProbeController.class);

	@GetMapping("/probe")
	String probe(@RequestParam String probe) {
		// "message" is a name Boot's ecs and logstash formats write themselves
		log.atInfo().addKeyValue("probe", probe).addKeyValue("message", "customer note").log("probed");
		return probe;
	}

}
