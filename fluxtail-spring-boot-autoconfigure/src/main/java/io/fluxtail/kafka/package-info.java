/**
 * Context of Kafka records: the request id travels as a record header from {@code KafkaTemplate}
 * to {@code @KafkaListener}, where each record (or batch) gets its context and completion line.
 */
@NullMarked
package io.fluxtail.kafka;

import org.jspecify.annotations.NullMarked;
