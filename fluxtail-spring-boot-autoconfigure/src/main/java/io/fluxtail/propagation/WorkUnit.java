package io.fluxtail.propagation;

import org.jspecify.annotations.Nullable;

/**
 * A unit of work whose context is on the current thread, opened by {@link WorkUnits#open}.
 */
public final class WorkUnit implements AutoCloseable {

	private final MdcSnapshot previous;

	private final @Nullable CompletionEvent completion;

	private final WorkStats stats;

	private final long startNanos;

	WorkUnit(MdcSnapshot previous, @Nullable CompletionEvent completion, WorkStats stats, long startNanos) {
		this.previous = previous;
		this.completion = completion;
		this.stats = stats;
		this.startNanos = startNanos;
	}

	/**
	 * Ends the work: counts a failure and writes the completion line, still in the unit's context.
	 * @param failure what the work threw, {@code null} when it returned normally
	 */
	public void completed(@Nullable Throwable failure) {
		if (failure != null) {
			this.stats.recordFailure();
		}
		if (this.completion != null) {
			this.completion.write(this.startNanos, failure);
		}
	}

	/**
	 * Puts the thread's MDC back exactly as it was before the unit was opened.
	 */
	@Override
	public void close() {
		this.previous.close();
	}

}
