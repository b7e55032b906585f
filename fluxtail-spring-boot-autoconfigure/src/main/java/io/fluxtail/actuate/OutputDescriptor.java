package io.fluxtail.actuate;

import java.util.Map;

import io.fluxtail.logging.output.QueuedAppender;
import org.jspecify.annotations.Nullable;

/**
 * Where encoded lines go.
 *
 * @param mode {@code sync} (each logging call writes its line) or {@code async} (a bounded queue
 * written by one thread, {@code fluxtail.output.async=true})
 * @param queueCapacity how many events the queue holds, {@code null} when synchronous
 * @param queueSize how many events wait to be written, {@code null} when synchronous
 * @param dropped events dropped because the queue was full, by level, since start
 */
public record OutputDescriptor(String mode, @Nullable Integer queueCapacity, @Nullable Integer queueSize,
		Map<String, Long> dropped) {

	static OutputDescriptor of(@Nullable QueuedAppender queue) {
		if (queue == null) {
			return new OutputDescriptor("sync", null, null, Map.of());
		}
		return new OutputDescriptor("async", queue.capacity(), queue.size(), queue.drops().byLevel());
	}

}
