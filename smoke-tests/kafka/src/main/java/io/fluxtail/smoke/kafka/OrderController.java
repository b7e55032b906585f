package io.fluxtail.smoke.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes one order event per request, keyed by the probe so that the events spread over the
 * partitions.
 */
@RestController
class OrderController {

	private static final Logger log = LoggerFactory.getLogger("smoke.orders");

	private final KafkaTemplate<String, String> kafka;

	OrderController(KafkaTemplate<String, String> kafka) {
		this.kafka = kafka;
	}

	@GetMapping("/publish")
	String publish(@RequestParam String probe) throws InterruptedException, ExecutionException, TimeoutException {
		log.atInfo().addKeyValue("probe", probe).log("publishing order");
		this.kafka.send(KafkaSmokeApplication.ORDERS, probe, probe).get(10, TimeUnit.SECONDS);
		return probe;
	}

}
