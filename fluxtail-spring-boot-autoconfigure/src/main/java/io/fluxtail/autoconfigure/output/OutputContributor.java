package io.fluxtail.autoconfigure.output;

import java.util.Map;
import java.util.function.Supplier;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.OutputDescriptor;
import io.fluxtail.logging.output.QueuedAppender;
import org.jspecify.annotations.Nullable;

/**
 * The output's part of {@code /actuator/fluxtail}: whether lines go straight to the appenders or
 * through the queue, and the queue's state.
 */
final class OutputContributor implements FluxtailContributor {

	private final Supplier<@Nullable QueuedAppender> queue;

	OutputContributor(Supplier<@Nullable QueuedAppender> queue) {
		this.queue = queue;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		builder.section("output", describe(this.queue.get()));
	}

	private static OutputDescriptor describe(@Nullable QueuedAppender queue) {
		if (queue == null) {
			return new OutputDescriptor("sync", null, null, Map.of(), null, null, null, null);
		}
		return new OutputDescriptor("async", queue.capacity(), queue.size(), queue.droppedByLevel(),
				queue.isWriterRunning() ? "running" : "ended", queue.inFlight(), queue.failedWrites(),
				queue.unwrittenAtStop());
	}

}
