package io.fluxtail.web.reactive;

import io.fluxtail.propagation.TraceIds;
import io.fluxtail.web.InboundRequests;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * First web filter of the chain: hands the exchange (for the matched route) and the request's span
 * ids (for lines written outside the tracer's scope) to the state the
 * {@link RequestContextHttpHandlerDecorator} keeps for the completion event.
 */
public final class RequestContextWebFilter implements WebFilter, Ordered {

	/** Order of the filter: before any application filter. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	private final InboundRequests inbound;

	private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	/**
	 * Creates the filter.
	 * @param inbound reads the current span
	 */
	public RequestContextWebFilter(InboundRequests inbound) {
		this.inbound = inbound;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			RequestState state = context.getOrDefault(RequestState.KEY, null);
			if (state != null) {
				state.exchange = exchange;
				if (this.inbound.hasTracer()) {
					// The span lives in the Reactor context; without automatic propagation it is not
					// on this thread yet, so it is restored explicitly to read its ids.
					try (ContextSnapshot.Scope scope = this.snapshots.setThreadLocalsFrom(context)) {
						TraceIds live = this.inbound.currentTrace();
						if (live != null) {
							state.request.spanSeen(live);
						}
					}
				}
			}
			return chain.filter(exchange);
		});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
