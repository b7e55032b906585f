package io.fluxtail.smoke.worker;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task the application schedules itself ({@link ReportScheduling}), not a {@code @Scheduled}
 * method; every fourth run fails.
 */
class ReportExport implements Runnable {

	private static final Logger log = LoggerFactory.getLogger("smoke.reports");

	private final AtomicInteger runs = new AtomicInteger();

	@Override
	public void run() {
		String run = "export-" + this.runs.incrementAndGet();
		log.atInfo().addKeyValue("run", run).log("exporting reports");
		if (this.runs.get() % 4 == 0) {
			throw new IllegalStateException("report store unavailable in " + run);
		}
		log.atInfo().addKeyValue("run", run).log("reports exported");
	}

}
