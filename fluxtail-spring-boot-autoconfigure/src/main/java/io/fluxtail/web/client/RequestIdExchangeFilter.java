package io.fluxtail.web.client;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkContextAccessor;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends the id of the request being served downstream, for {@code WebClient}. The id is read at
 * subscription from the Reactor context (reactive callers) or the MDC (a blocking caller); a
 * header the caller set explicitly is left alone.
 */
public final class RequestIdExchangeFilter implements ExchangeFilterFunction {

	private final String header;

	/**
	 * Creates the filter.
	 * @param header the header to send the id in
	 */
	public RequestIdExchangeFilter(String header) {
		this.header = header;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (request.headers().containsHeader(this.header)) {
			return next.exchange(request);
		}
		return Mono.deferContextual((context) -> {
			String requestId = context.<WorkContext>getOrEmpty(WorkContextAccessor.KEY)
				.map(WorkContext::requestId)
				.orElseGet(() -> MDC.get(CoreFields.REQUEST_ID));
			if (requestId == null) {
				return next.exchange(request);
			}
			return next.exchange(ClientRequest.from(request).header(this.header, requestId).build());
		});
	}

}
