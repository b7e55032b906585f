package io.fluxtail.smoke.servlet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Spring MVC application as a newcomer writes it: the starter, webmvc and restclient, with
 * {@code @Async}, {@code @Scheduled}, {@code Callable}, {@code DeferredResult} and a call to itself.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class ServletSmokeApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServletSmokeApplication.class, args);
	}

}
