package io.fluxtail.smoke.worker;

import java.time.Duration;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Schedules {@link ReportExport} in code on Spring Boot's scheduler.
 */
@Component
class ReportScheduling {

	ReportScheduling(TaskScheduler scheduler) {
		scheduler.scheduleWithFixedDelay(new ReportExport(), Duration.ofMillis(90));
	}

}
