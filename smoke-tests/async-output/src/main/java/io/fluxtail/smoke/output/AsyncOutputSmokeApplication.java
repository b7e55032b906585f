package io.fluxtail.smoke.output;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application that logs bursts on request, for checking where its lines go when
 * stdout is fast, stalled, or the application is stopped.
 */
@SpringBootApplication
public class AsyncOutputSmokeApplication {

	public static void main(String[] args) {
		SpringApplication.run(AsyncOutputSmokeApplication.class, args);
	}

}
