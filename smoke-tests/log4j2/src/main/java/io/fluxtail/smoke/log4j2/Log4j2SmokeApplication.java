package io.fluxtail.smoke.log4j2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC application whose logging system is Log4j2.
 */
@SpringBootApplication
@RestController
public class Log4j2SmokeApplication {

	private static final Logger log = LoggerFactory.getLogger(Log4j2SmokeApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(Log4j2SmokeApplication.class, args);
	}

	@GetMapping("/hello")
	String hello() {
		log.info("hello from Log4j2");
		return "hello";
	}

}
