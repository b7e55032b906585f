package io.fluxtail.autoconfigure.output;

import io.fluxtail.logging.output.QueuedAppender;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the queue's size, what its writer holds, and what it lost: drops per level, events
 * left at a stop, failed writes. All read the queue's own state, so losses before the registry
 * existed are included and the log path never touches Micrometer.
 */
class OutputMetrics implements MeterBinder {

	/** Gauge of the events waiting in the queue. */
	public static final String QUEUE_SIZE = "fluxtail.output.queue.size";

	/** Counter of the events dropped because the queue was full, tagged {@code level}. */
	public static final String DROPPED = "fluxtail.output.dropped";

	/** Gauge of the events the writer has taken from the queue and not written yet. */
	public static final String IN_FLIGHT = "fluxtail.output.in.flight";

	/** Counter of the events a stop left unwritten because the output did not take them in time. */
	public static final String UNWRITTEN = "fluxtail.output.unwritten";

	/** Counter of the events a wrapped appender threw on. */
	public static final String FAILED = "fluxtail.output.failed";

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
		for (String level : QueuedAppender.DROPPABLE_LEVELS) {
			FunctionCounter.builder(DROPPED, this.queue, (queue) -> queue.dropped(level))
				.tag("level", level)
				.description("Log events dropped because the output queue was full")
				.register(registry);
		}
		Gauge.builder(IN_FLIGHT, this.queue, QueuedAppender::inFlight)
			.description("Log events taken from the output queue and not written yet")
			.register(registry);
		FunctionCounter.builder(UNWRITTEN, this.queue, QueuedAppender::unwrittenAtStop)
			.description("Log events a stop left unwritten because the output did not take them in time")
			.register(registry);
		FunctionCounter.builder(FAILED, this.queue, QueuedAppender::failedWrites)
			.description("Log events an output appender failed to write")
			.register(registry);
	}

}
