package io.fluxtail.web.client;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.UnitDebug;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkContextAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends the id of the request being served downstream, for {@code WebClient}. The id is read at
 * subscription from the Reactor context (reactive callers) or the MDC (a blocking caller), with,
 * when configured, the debug token of a request served with debug on demand; a header the caller
 * set explicitly is left alone.
 */
public final class RequestIdExchangeFilter implements ExchangeFilterFunction {

	private final String header;

	private final @Nullable String debugHeader;

	/**
	 * Creates the filter.
	 * @param header the header to send the id in
	 */
	public RequestIdExchangeFilter(String header) {
		this(header, null);
	}

	/**
	 * Creates the filter that also sends on the debug token of a request served with debug on
	 * demand.
	 * @param header the header to send the id in
	 * @param debugHeader the header to send the token in, {@code null} to send none
	 */
	public RequestIdExchangeFilter(String header, @Nullable String debugHeader) {
		this.header = header;
		this.debugHeader = debugHeader;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.deferContextual((context) -> {
			WorkContext work = context.<WorkContext>getOrEmpty(WorkContextAccessor.KEY).orElse(null);
			String requestId = (work != null) ? work.requestId() : MDC.get(CoreFields.REQUEST_ID);
			UnitDebug debug = (work != null) ? work.debug() : UnitDebug.onThread();
			String token = (this.debugHeader != null && debug != null) ? debug.forwardedToken() : null;
			boolean addId = requestId != null && !request.headers().containsHeader(this.header);
			boolean addToken = token != null && !request.headers().containsHeader(this.debugHeader);
			if (!addId && !addToken) {
				return next.exchange(request);
			}
			ClientRequest.Builder sent = ClientRequest.from(request);
			if (addId) {
				sent.header(this.header, requestId);
			}
			if (addToken) {
				sent.header(this.debugHeader, token);
			}
			return next.exchange(sent.build());
		});
	}

}
