package io.fluxtail.smoke.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A background worker as a newcomer writes it: {@code spring-boot-starter} and the Fluxtail
 * starter, {@code @Scheduled} jobs on a pool of two threads, one of which fails now and then, and
 * {@code @Async} work a job hands over.
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class WorkerSmokeApplication {

	public static void main(String[] args) {
		SpringApplication.run(WorkerSmokeApplication.class, args);
	}

}
