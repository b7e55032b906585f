package io.fluxtail.smoke.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux application as a newcomer writes it: the starter, webflux and webclient, with thread
 * hops by {@code publishOn}, {@code subscribeOn}, {@code delayElement} and a call to itself.
 */
@SpringBootApplication
public class WebFluxSmokeApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebFluxSmokeApplication.class, args);
	}

}
