package io.fluxtail.smoke.aot;

import io.fluxtail.smoke.servlet.ServletSmokeApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The servlet smoke application, with a task the application schedules itself on
 * {@code taskScheduler}, the bean the starter proxies: the part of the starter AOT processing
 * has to see through.
 */
@SpringBootApplication
@Import(ServletSmokeApplication.class)
public class AotSmokeApplication {

	public static void main(String[] args) {
		SpringApplication.run(AotSmokeApplication.class, args);
	}

}
