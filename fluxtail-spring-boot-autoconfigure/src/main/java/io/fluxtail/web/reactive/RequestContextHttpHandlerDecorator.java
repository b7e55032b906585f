package io.fluxtail.web.reactive;

import io.fluxtail.propagation.MdcSnapshot;
import io.fluxtail.propagation.WorkContextAccessor;
import io.fluxtail.propagation.WorkUnit;
import io.fluxtail.web.InboundRequest;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
import io.fluxtail.web.RequestCompletion.Ending;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Wraps the whole WebFlux handler, so the request context covers the web filters, the handler,
 * the error handlers and Spring's own request logging: resolves the id, echoes it, writes it into
 * the Reactor context (restored into the MDC of every operator by context-propagation) and
 * writes the completion event once the final status is known.
 */
public final class RequestContextHttpHandlerDecorator implements HttpHandlerDecoratorFactory {

	private final InboundRequests inbound;

	private final @Nullable RequestCompletion completion;

	/**
	 * Creates the decorator.
	 * @param inbound resolves the context of new requests
	 * @param completion writes the completion event, {@code null} when switched off
	 */
	public RequestContextHttpHandlerDecorator(InboundRequests inbound, @Nullable RequestCompletion completion) {
		this.inbound = inbound;
		this.completion = completion;
	}

	@Override
	public HttpHandler apply(HttpHandler delegate) {
		return (request, response) -> handle(delegate, request, response);
	}

	private Mono<Void> handle(HttpHandler delegate, ServerHttpRequest request, ServerHttpResponse response) {
		InboundRequest inbound = this.inbound.open(request.getHeaders()::getFirst,
				request.getPath().pathWithinApplication().value());
		RequestState state = new RequestState(inbound);
		String requestId = inbound.requestId();
		String header = this.inbound.header();
		response.getHeaders().set(header, requestId);
		response.beforeCommit(() -> {
			// Error handlers may rebuild the headers; the id must survive on error responses too.
			if (!response.getHeaders().containsHeader(header)) {
				response.getHeaders().set(header, requestId);
			}
			return Mono.empty();
		});
		Mono<Void> handled;
		try (MdcSnapshot previous = inbound.unit().enter()) {
			handled = delegate.handle(request, response);
		}
		return handled.doFinally((signal) -> complete(state, request, response, signal))
			.contextWrite((reactorContext) -> reactorContext.put(WorkContextAccessor.KEY, inbound.unit().context())
				.put(RequestState.KEY, state));
	}

	private void complete(RequestState state, ServerHttpRequest request, ServerHttpResponse response,
			SignalType signal) {
		HttpStatusCode statusCode = response.getStatusCode();
		int status = (statusCode != null) ? statusCode.value() : 200;
		Ending ending = switch (signal) {
			case ON_ERROR -> Ending.FAILED;
			case CANCEL -> Ending.CANCELLED;
			default -> Ending.RESPONDED;
		};
		WorkUnit unit = state.request.unit();
		try (MdcSnapshot previous = unit.enter(state.request.contextOutsideSpan())) {
			if (this.completion != null) {
				this.completion.complete(unit, request.getMethod().name(), route(state.exchange), status, ending);
			}
			else {
				RequestCompletion.completeWithoutLine(unit, status, ending);
			}
		}
	}

	private static @Nullable String route(@Nullable ServerWebExchange exchange) {
		if (exchange == null) {
			return null;
		}
		PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return (pattern != null) ? pattern.getPatternString() : null;
	}

}
