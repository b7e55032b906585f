package io.fluxtail.web.reactive;

import io.fluxtail.web.InboundRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * What the HTTP handler decorator and the web filter share about one request, through the Reactor
 * context: the decorator sees the final status, the filter sees the exchange and the span.
 */
final class RequestState {

	static final String KEY = RequestState.class.getName();

	final InboundRequest request;

	volatile @Nullable ServerWebExchange exchange;

	RequestState(InboundRequest request) {
		this.request = request;
	}

}
