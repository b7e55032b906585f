package io.fluxtail.smoke.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC application whose only shipping configuration is {@code FLUXTAIL_INGEST_URL} and
 * {@code FLUXTAIL_API_KEY} in its environment.
 */
@SpringBootApplication
@RestController
public class IngestSmokeApplication {

	private static final Logger log = LoggerFactory.getLogger(IngestSmokeApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(IngestSmokeApplication.class, args);
	}

	@GetMapping("/orders/{id}")
	String order(@PathVariable String id) {
		log.debug("order cache lookup {}", id);
		log.atInfo().addKeyValue("order_id", id).addKeyValue("card", "4111 1111 1111 1111").log("order loaded");
		return "order " + id;
	}

	@GetMapping("/fail")
	String fail() {
		throw new IllegalStateException("payment gateway unavailable");
	}

}
