package io.fluxtail.smoke.formats;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application whose handler logs the lines that break naive formats.
 */
@SpringBootApplication
public class FormatsSmokeApplication {

	public static void main(String[] args) {
		SpringApplication.run(FormatsSmokeApplication.class, args);
	}

}
