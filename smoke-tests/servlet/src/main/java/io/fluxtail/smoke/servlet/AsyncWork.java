package io.fluxtail.smoke.servlet;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class AsyncWork {

	private static final Logger log = LoggerFactory.getLogger("smoke.work");

	@Async
	CompletableFuture<String> work(String probe) {
		log.atInfo().addKeyValue("probe", probe).log("async work done");
		return CompletableFuture.completedFuture(probe);
	}

	@Async
	CompletableFuture<Void> debugSteps(String probe) {
		log.atDebug().addKeyValue("probe", probe).log("debug step 3");
		log.atDebug().addKeyValue("probe", probe).log("debug step 4");
		return CompletableFuture.completedFuture(null);
	}

	@Scheduled(fixedDelay = 300)
	void tick() {
		log.info("tick");
	}

}
