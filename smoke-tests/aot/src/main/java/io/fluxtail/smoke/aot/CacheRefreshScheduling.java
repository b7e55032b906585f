package io.fluxtail.smoke.aot;

import java.time.Duration;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Schedules {@link CacheRefresh} in code on Spring Boot's scheduler.
 */
@Component
class CacheRefreshScheduling {

	CacheRefreshScheduling(TaskScheduler scheduler) {
		scheduler.scheduleWithFixedDelay(new CacheRefresh(), Duration.ofMillis(300));
	}

}
