package io.fluxtail.smoke.worker;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries invoices and mails each through {@code @Async}. Every line of a run carries its own
 * {@code run} number, so the test can tell runs apart without trusting {@code request_id}.
 */
@Component
class InvoiceRetry {

	private static final Logger log = LoggerFactory.getLogger("smoke.invoices");

	private final AtomicInteger runs = new AtomicInteger();

	private final Mailer mailer;

	InvoiceRetry(Mailer mailer) {
		this.mailer = mailer;
	}

	@Scheduled(fixedDelay = 120)
	void retry() {
		String run = "retry-" + this.runs.incrementAndGet();
		log.atInfo().addKeyValue("run", run).log("retrying invoices");
		this.mailer.send(run);
		log.atInfo().addKeyValue("run", run).log("retry done");
	}

}
