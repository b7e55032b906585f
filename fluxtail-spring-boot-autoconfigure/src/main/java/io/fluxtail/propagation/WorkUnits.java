package io.fluxtail.propagation;

import java.util.Collection;
import java.util.Set;

import io.fluxtail.logging.contract.CoreFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Opens the context of units of work that are not HTTP requests, such as a scheduled job's run or
 * a consumed Kafka record: {@code request_id} and {@code job} in the MDC for every line written
 * while the work runs, and one completion line when it ends.
 */
public final class WorkUnits {

	private final @Nullable CompletionEvent completion;

	private final Set<String> excludedNames;

	private final WorkStats stats;

	/**
	 * Creates the factory.
	 * @param completion writes the completion line, {@code null} when switched off
	 * @param excludedNames names of work without a completion line, such as very frequent jobs
	 * @param stats where started and failed units are counted
	 */
	public WorkUnits(@Nullable CompletionEvent completion, Collection<String> excludedNames, WorkStats stats) {
		this.completion = completion;
		this.excludedNames = Set.copyOf(excludedNames);
		this.stats = stats;
	}

	/**
	 * Puts a unit's context on the current thread, replacing any other unit's or request's keys
	 * (trace ids included: they belong to the work that left them).
	 * @param requestId the unit's id, already resolved or generated
	 * @param name the unit's name, written as {@code job}
	 * @return the open unit, to complete and close on the same thread
	 */
	public WorkUnit open(String requestId, String name) {
		MdcSnapshot previous = MdcSnapshot.capture();
		new RequestContext(requestId, null).applyToMdc();
		MDC.put(CoreFields.JOB, name);
		this.stats.recordStart();
		CompletionEvent event = (this.completion != null && !this.excludedNames.contains(name)) ? this.completion
				: null;
		return new WorkUnit(previous, event, this.stats, System.nanoTime());
	}

	/**
	 * Returns the counters.
	 * @return the counters
	 */
	public WorkStats stats() {
		return this.stats;
	}

}
