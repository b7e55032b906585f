package io.fluxtail.smoke.worker;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A very frequent job, left out of the completion events by configuration.
 */
@Component
class Heartbeat {

	private static final Logger log = LoggerFactory.getLogger("smoke.heartbeat");

	private final AtomicInteger runs = new AtomicInteger();

	@Scheduled(fixedRate = 40)
	void beat() {
		log.atInfo().addKeyValue("run", "beat-" + this.runs.incrementAndGet()).log("beat");
	}

}
