package io.fluxtail.propagation;

import java.util.function.Predicate;

import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.UnitDebug;
import org.jspecify.annotations.Nullable;

/**
 * Opens the units of work of one source (HTTP requests, a scheduler's job runs, a listener's
 * records), which share its completion line and counters.
 */
public final class WorkUnits {

	private final @Nullable CompletionWriter completion;

	private final Predicate<String> excluded;

	private final WorkStats stats;

	private final @Nullable DebugLines debug;

	/**
	 * Creates the factory of units without debug-on-error or debug on demand.
	 * @param completion writes the completion line, {@code null} when switched off
	 * @param excluded whether a unit, by name, gets no completion line, such as a very frequent job
	 * or a health check's path
	 * @param stats where started and failed units are counted
	 */
	public WorkUnits(@Nullable CompletionWriter completion, Predicate<String> excluded, WorkStats stats) {
		this(completion, excluded, stats, null);
	}

	/**
	 * Creates the factory.
	 * @param completion writes the completion line, {@code null} when switched off
	 * @param excluded whether a unit, by name, gets no completion line, such as a very frequent job
	 * or a health check's path
	 * @param stats where started and failed units are counted
	 * @param debug keeps each unit's debug lines for its failure, {@code null} when neither
	 * debug-on-error nor debug on demand is on
	 */
	public WorkUnits(@Nullable CompletionWriter completion, Predicate<String> excluded, WorkStats stats,
			@Nullable DebugLines debug) {
		this.completion = completion;
		this.excluded = excluded;
		this.stats = stats;
		this.debug = debug;
	}

	/**
	 * Opens a unit; {@link WorkUnit#enter()} then puts it on the thread that works for it.
	 * @param context the unit's context
	 * @param name the unit's name for the exclusion rule: a job name, a listener id, a path
	 * @return the open unit
	 */
	public WorkUnit open(WorkContext context, String name) {
		return open(context, name, null);
	}

	/**
	 * Opens a unit that may carry a debug token.
	 * @param context the unit's context
	 * @param name the unit's name for the exclusion rule
	 * @param validToken the unit's debug token, already checked, {@code null} when it has none
	 * @return the open unit
	 */
	public WorkUnit open(WorkContext context, String name, @Nullable String validToken) {
		this.stats.recordStart();
		CompletionWriter writer = (this.completion != null && !this.excluded.test(name)) ? this.completion : null;
		UnitDebug state = (this.debug != null) ? this.debug.open(validToken) : null;
		return new WorkUnit(context.withDebug(state), writer, this.stats, System.nanoTime());
	}

	/**
	 * Returns the counters.
	 * @return the counters
	 */
	public WorkStats stats() {
		return this.stats;
	}

}
