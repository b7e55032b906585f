/**
 * Context of Kafka records: the request id travels as a record header from {@code KafkaTemplate}
 * to {@code @KafkaListener}, where each record (or batch) gets its context and completion line.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.kafka;

import org.jspecify.annotations.NullMarked;

