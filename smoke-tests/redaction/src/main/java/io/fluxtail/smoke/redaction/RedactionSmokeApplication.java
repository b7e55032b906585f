package io.fluxtail.smoke.redaction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * A Spring MVC application that logs credentials: a badge number while the context is still being
 * created, and a sample of provider credentials in every position on {@code GET /leak}.
 */
@SpringBootApplication
public class RedactionSmokeApplication {

	private static final Logger log = LoggerFactory.getLogger(RedactionSmokeApplication.class);

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(RedactionSmokeApplication.class);
		application.addListeners((ApplicationListener<ApplicationContextInitializedEvent>) (event) -> log
			.info("context initializing for badge {}", Samples.BADGE));
		application.run(args);
	}

}
