package io.fluxtail.autoconfigure.output;

import java.util.function.Supplier;

import io.fluxtail.logging.output.QueuedAppender;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the log output queue's writer thread runs. It runs from start to stop; should it end
 * while the application runs, which nothing should cause, the health is down: the logging threads
 * then write their own lines, so nothing is lost, but every logging call pays for its write.
 */
class OutputHealthIndicator implements HealthIndicator {

	/** Detail shown once the writer has ended: how lines are written instead. */
	static final String FALLBACK = "logging threads write their lines";

	private final Supplier<@Nullable QueuedAppender> queue;

	/**
	 * Creates the indicator.
	 * @param queue reads the queue in front of the appenders, {@code null} when output is
	 * synchronous
	 */
	public OutputHealthIndicator(Supplier<@Nullable QueuedAppender> queue) {
		this.queue = queue;
	}

	@Override
	public Health health() {
		QueuedAppender queue = this.queue.get();
		if (queue == null) {
			return Health.up().withDetail("mode", "sync").build();
		}
		Health.Builder health = queue.isWriterRunning() ? Health.up().withDetail("writer", "running")
				: Health.down().withDetail("writer", "ended").withDetail("fallback", FALLBACK);
		return health.withDetail("mode", "async")
			.withDetail("queueSize", queue.size())
			.withDetail("inFlight", queue.inFlight())
			.withDetail("dropped", queue.droppedByLevel())
			.build();
	}

}
