package io.fluxtail.kafka;

import io.fluxtail.propagation.MdcSnapshot;
import io.fluxtail.propagation.WorkUnit;
import org.jspecify.annotations.Nullable;

/**
 * A record's or batch's unit of work while its context is on the consumer thread, which the
 * interceptors keep between their calls.
 *
 * @param unit the unit of work
 * @param previous the consumer thread's MDC of before
 */
record RunningUnit(WorkUnit unit, MdcSnapshot previous) {

	static RunningUnit enter(WorkUnit unit) {
		return new RunningUnit(unit, unit.enter());
	}

	void completed(@Nullable Throwable failure) {
		this.unit.completed(failure);
	}

	/**
	 * Puts the consumer thread's MDC back as it was before the unit.
	 */
	void close() {
		this.previous.close();
	}

}
