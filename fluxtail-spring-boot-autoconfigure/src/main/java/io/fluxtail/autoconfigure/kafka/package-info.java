/**
 * Auto-configuration of the Kafka records' context ({@code fluxtail.kafka.*}), when spring-kafka
 * is present.
 */
@NullMarked
package io.fluxtail.autoconfigure.kafka;

import org.jspecify.annotations.NullMarked;
