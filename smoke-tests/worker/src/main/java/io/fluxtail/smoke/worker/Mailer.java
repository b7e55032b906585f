package io.fluxtail.smoke.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Mails on Boot's task executor, off the scheduler thread.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger("smoke.mailer");

	@Async
	void send(String run) {
		log.atInfo().addKeyValue("run", run).log("invoice mailed");
	}

}
