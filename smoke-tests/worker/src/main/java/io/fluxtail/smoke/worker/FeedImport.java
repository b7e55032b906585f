package io.fluxtail.smoke.worker;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports a feed; every third run fails, and Spring's scheduler logs the failure. Its DEBUG line is
 * written only for a run that fails (the worker's test runs it with debug-on-error).
 */
@Component
class FeedImport {

	private static final Logger log = LoggerFactory.getLogger("smoke.feed");

	private final AtomicInteger runs = new AtomicInteger();

	@Scheduled(fixedRate = 100)
	void importFeed() {
		int number = this.runs.incrementAndGet();
		String run = "import-" + number;
		log.atInfo().addKeyValue("run", run).log("importing feed");
		log.atDebug().addKeyValue("run", run).log("feed page fetched");
		if (number % 3 == 0) {
			throw new IllegalStateException("feed unavailable in " + run);
		}
		log.atInfo().addKeyValue("run", run).log("feed imported");
	}

}
