package io.fluxtail.web.reactive;

import java.util.concurrent.atomic.AtomicBoolean;

import io.fluxtail.propagation.RequestContext;
import io.fluxtail.propagation.TraceIds;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * What the HTTP handler decorator and the web filter share about one request, through the Reactor
 * context: the decorator sees the final status, the filter sees the exchange and the span.
 */
final class RequestState {

	static final String KEY = RequestState.class.getName();

	final RequestContext context;

	final long startNanos;

	final AtomicBoolean completed = new AtomicBoolean();

	volatile @Nullable ServerWebExchange exchange;

	volatile @Nullable TraceIds tracerIds;

	RequestState(RequestContext context, long startNanos) {
		this.context = context;
		this.startNanos = startNanos;
	}

	/**
	 * Returns the context to write on lines logged outside the tracer's scope.
	 */
	RequestContext contextOutsideSpan() {
		return this.context.withTraceIdsSeen(this.tracerIds);
	}

}
