package io.fluxtail.web;

import io.fluxtail.propagation.TraceIds;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkUnit;
import org.jspecify.annotations.Nullable;

/**
 * One request being served, as both web stacks keep it between the dispatches or operators that
 * serve it: its unit of work and the trace ids of its span, seen while the span was in scope.
 */
public final class InboundRequest {

	private final WorkUnit unit;

	private volatile @Nullable TraceIds tracerIds;

	InboundRequest(WorkUnit unit) {
		this.unit = unit;
	}

	/**
	 * Returns the request's unit of work.
	 * @return the unit
	 */
	public WorkUnit unit() {
		return this.unit;
	}

	/**
	 * Returns the request's id.
	 * @return the id
	 */
	public String requestId() {
		return this.unit.context().requestId();
	}

	/**
	 * Returns the context to put on a thread given the span in scope there: inside the tracer's
	 * scope the tracer's own MDC keys carry the trace (and its ids are remembered); outside it
	 * (an error dispatch, a completion line) Fluxtail writes the ids seen earlier instead.
	 * @param live the ids of the span in scope, {@code null} outside any span
	 * @return the context
	 */
	public WorkContext contextFor(@Nullable TraceIds live) {
		if (live != null) {
			spanSeen(live);
			return this.unit.context();
		}
		return contextOutsideSpan();
	}

	/**
	 * Remembers the ids of the request's span, the first seen, for lines written outside it.
	 * @param live the ids of the span in scope
	 */
	public void spanSeen(TraceIds live) {
		if (this.tracerIds == null) {
			this.tracerIds = live;
		}
	}

	/**
	 * Returns the context to write on lines logged outside the tracer's scope.
	 * @return the context
	 */
	public WorkContext contextOutsideSpan() {
		return this.unit.context().withTraceIdsSeen(this.tracerIds);
	}

}
