package io.fluxtail.smoke.aot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task the application schedules itself ({@link CacheRefreshScheduling}), not a
 * {@code @Scheduled} method.
 */
class CacheRefresh implements Runnable {

	private static final Logger log = LoggerFactory.getLogger("smoke.cache");

	@Override
	public void run() {
		log.info("cache refreshed");
	}

}
