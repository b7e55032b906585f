package io.fluxtail.smoke.kafka;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A Spring MVC application that publishes events with {@code KafkaTemplate} and consumes them
 * with a {@code @KafkaListener} on three partitions.
 */
@SpringBootApplication
public class KafkaSmokeApplication {

	/** The topic the orders are published on. */
	static final String ORDERS = "orders";

	public static void main(String[] args) {
		SpringApplication.run(KafkaSmokeApplication.class, args);
	}

	@Bean
	NewTopic orders() {
		return TopicBuilder.name(ORDERS).partitions(3).replicas(1).build();
	}

}
