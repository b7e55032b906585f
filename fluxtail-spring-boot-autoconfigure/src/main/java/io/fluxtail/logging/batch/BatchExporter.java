package io.fluxtail.logging.batch;

import java.util.List;

/**
 * What a {@link BatchWorker} does with a batch: write it to the console, send it to a backend. Every
 * method runs on the worker's thread, except {@link #abort()}.
 *
 * @param <T> the type of the items
 */
public interface BatchExporter<T> {

	/**
	 * Hands one batch on, counting through the control what went out and what was dropped. Whatever
	 * this throws costs the batch only: it is counted as {@link DropReason#FAILED} and the next
	 * batch is exported.
	 * @param batch the items, oldest first
	 * @param control the stop under way, and the counters
	 * @return how many items, from the first, were handled: fewer only when a stop's deadline
	 * passed, the rest being left
	 * @throws InterruptedException when a stop that ran out of time abandons the export
	 */
	int export(List<T> batch, ExportControl control) throws InterruptedException;

	/**
	 * Called between batches: when the worker is busy, and with {@code caughtUp} once it found the
	 * queue empty.
	 * @param caughtUp whether the queue was found empty
	 */
	default void between(boolean caughtUp) {
	}

	/**
	 * Receives what a stop left unexported (already counted as {@link DropReason#SHUTDOWN}), once
	 * the worker has given up on it within the stop timeout.
	 * @param left the items, oldest first; never empty
	 */
	default void left(List<T> left) {
	}

	/**
	 * Reports what an export threw (already counted as {@link DropReason#FAILED}).
	 * @param failure what it threw
	 */
	default void failed(Throwable failure) {
	}

	/**
	 * Abandons an export under way, from the stopping thread, once the stop timeout has passed.
	 */
	default void abort() {
	}

}
