package io.fluxtail.propagation;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Opens the units of work of one source (HTTP requests, a scheduler's job runs, a listener's
 * records), which share its completion line and counters.
 */
public final class WorkUnits {

	private final @Nullable CompletionWriter completion;

	private final Predicate<String> excluded;

	private final WorkStats stats;

	/**
	 * Creates the factory.
	 * @param completion writes the completion line, {@code null} when switched off
	 * @param excluded whether a unit, by name, gets no completion line, such as a very frequent job
	 * or a health check's path
	 * @param stats where started and failed units are counted
	 */
	public WorkUnits(@Nullable CompletionWriter completion, Predicate<String> excluded, WorkStats stats) {
		this.completion = completion;
		this.excluded = excluded;
		this.stats = stats;
	}

	/**
	 * Opens a unit; {@link WorkUnit#enter()} then puts it on the thread that works for it.
	 * @param context the unit's context
	 * @param name the unit's name for the exclusion rule: a job name, a listener id, a path
	 * @return the open unit
	 */
	public WorkUnit open(WorkContext context, String name) {
		this.stats.recordStart();
		CompletionWriter writer = (this.completion != null && !this.excluded.test(name)) ? this.completion : null;
		return new WorkUnit(context, writer, this.stats, System.nanoTime());
	}

	/**
	 * Returns the counters.
	 * @return the counters
	 */
	public WorkStats stats() {
		return this.stats;
	}

}
