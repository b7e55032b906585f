package io.fluxtail.smoke.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the order events, three consumers at once. Logs, as {@code probe}, the id of the request
 * that published the event (the event's value), so a line with another {@code request_id} lost or
 * mixed up its context. A {@code poison} event fails. Its DEBUG line is written only for a record that
 * fails (the application runs with debug-on-error).
 */
@Component
class OrderListener {

	private static final Logger log = LoggerFactory.getLogger("smoke.listener");

	@KafkaListener(id = "order-events", topics = KafkaSmokeApplication.ORDERS, concurrency = "3")
	void consume(ConsumerRecord<String, String> record) {
		log.atDebug().addKeyValue("probe", record.value()).log("order received");
		if (record.value().startsWith("poison")) {
			log.atInfo().addKeyValue("poison", record.value()).log("refusing order");
			throw new IllegalArgumentException("unreadable order " + record.value());
		}
		log.atInfo().addKeyValue("probe", record.value()).log("order consumed");
	}

}
