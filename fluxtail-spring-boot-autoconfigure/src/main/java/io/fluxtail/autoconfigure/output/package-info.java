/**
 * Queue-backed output: the {@code fluxtail.output.*} properties, wrapping Spring Boot's appenders
 * at startup, and the queue's metrics.
 */
@NullMarked
package io.fluxtail.autoconfigure.output;

import org.jspecify.annotations.NullMarked;
