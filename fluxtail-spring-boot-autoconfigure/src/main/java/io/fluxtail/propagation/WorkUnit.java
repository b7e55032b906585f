package io.fluxtail.propagation;

import java.util.concurrent.atomic.AtomicBoolean;

import io.fluxtail.logging.debug.UnitDebug;
import io.fluxtail.propagation.CompletionWriter.CompletionFields;
import org.jspecify.annotations.Nullable;

/**
 * One unit of work (an HTTP request, a job run, a consumed record), opened by
 * {@link WorkUnits#open}: its context, its start, and its completion, written once. The unit is
 * not tied to a thread: {@link #enter()} puts its context on the thread that works for it (a
 * request may be served by several dispatches or operators), and the returned snapshot puts the
 * thread back.
 */
public final class WorkUnit {

	private final WorkContext context;

	private final @Nullable CompletionWriter completion;

	private final WorkStats stats;

	private final long startNanos;

	private final AtomicBoolean completed = new AtomicBoolean();

	WorkUnit(WorkContext context, @Nullable CompletionWriter completion, WorkStats stats, long startNanos) {
		this.context = context;
		this.completion = completion;
		this.stats = stats;
		this.startNanos = startNanos;
	}

	/**
	 * Returns the unit's context.
	 * @return the context
	 */
	public WorkContext context() {
		return this.context;
	}

	/**
	 * Puts the unit's context on the current thread, replacing any other unit's keys (trace ids
	 * included: they belong to the work that left them).
	 * @return the thread's MDC of before, to close on this thread when the work leaves it
	 */
	public MdcSnapshot enter() {
		return enter(this.context);
	}

	/**
	 * Puts a variant of the unit's context on the current thread, such as the context with the
	 * trace ids seen once the tracer's scope has closed.
	 * @param variant the context to put
	 * @return the thread's MDC of before, to close on this thread when the work leaves it
	 */
	public MdcSnapshot enter(WorkContext variant) {
		MdcSnapshot previous = MdcSnapshot.capture();
		variant.applyToMdc();
		return previous;
	}

	/**
	 * Ends work that returned or threw.
	 * @param failure what the work threw, {@code null} when it returned normally
	 */
	public void completed(@Nullable Throwable failure) {
		complete(Outcome.of(failure), failure, CompletionFields.NONE);
	}

	/**
	 * Ends the work, once: later calls do nothing. Counts a failure, writes the lines debug-on-error
	 * kept for a failed unit (else drops them), then the completion line, with the current thread's
	 * MDC, which must hold the unit's context.
	 * @param outcome how the work ended
	 * @param failure what the work threw, attached to the line, {@code null} for none
	 * @param fields the kind's own fields on the line
	 * @return whether a completion line was written
	 */
	public boolean complete(Outcome outcome, @Nullable Throwable failure, CompletionFields fields) {
		if (!this.completed.compareAndSet(false, true)) {
			return false;
		}
		if (outcome == Outcome.ERROR) {
			this.stats.recordFailure();
		}
		UnitDebug debug = this.context.debug();
		if (debug != null) {
			debug.end(outcome == Outcome.ERROR);
		}
		return this.completion != null && this.completion.write(this.startNanos, outcome, failure, fields);
	}

}
