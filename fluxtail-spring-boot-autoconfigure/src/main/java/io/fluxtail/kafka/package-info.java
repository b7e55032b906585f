/**
 * Context of Kafka records: the request id travels as a record header from {@code KafkaTemplate}
 * to {@code @KafkaListener}, where each record (or batch) gets its context and completion line.
 * Its auto-configuration (when spring-kafka is present) and {@code fluxtail.kafka.*} properties are
 * the only public types.
 */
@NullMarked
package io.fluxtail.kafka;

import org.jspecify.annotations.NullMarked;

