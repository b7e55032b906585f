package io.fluxtail.autoconfigure.output;

import io.fluxtail.logging.output.DropCounts;
import io.fluxtail.logging.output.QueuedAppender;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the queue's size and its drops per level. Both read the queue's own state, so drops
 * before the registry existed are included and the log path never touches Micrometer.
 */
public class OutputMetrics implements MeterBinder {

	/** Gauge of the events waiting in the queue. */
	public static final String QUEUE_SIZE = "fluxtail.output.queue.size";

	/** Counter of the events dropped because the queue was full, tagged {@code level}. */
	public static final String DROPPED = "fluxtail.output.dropped";

	private final @Nullable QueuedAppender queue;

	/**
	 * Creates the binder.
	 * @param queue the queue in front of the appenders, {@code null} when output is synchronous
	 */
	public OutputMetrics(@Nullable QueuedAppender queue) {
		this.queue = queue;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.queue == null) {
			return;
		}
		Gauge.builder(QUEUE_SIZE, this.queue, QueuedAppender::size)
			.description("Log events waiting in the output queue")
			.register(registry);
		DropCounts drops = this.queue.drops();
		for (String level : DropCounts.LEVEL_NAMES) {
			FunctionCounter.builder(DROPPED, drops, (counts) -> counts.dropped(level))
				.tag("level", level)
				.description("Log events dropped because the output queue was full")
				.register(registry);
		}
	}

}
