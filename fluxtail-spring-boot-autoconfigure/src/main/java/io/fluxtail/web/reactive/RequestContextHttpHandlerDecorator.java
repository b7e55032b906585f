package io.fluxtail.web.reactive;

import io.fluxtail.propagation.MdcSnapshot;
import io.fluxtail.propagation.RequestContext;
import io.fluxtail.propagation.RequestContextAccessor;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletionLogger;
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

	private final @Nullable RequestCompletionLogger completion;

	/**
	 * Creates the decorator.
	 * @param inbound resolves the context of new requests
	 * @param completion writes the completion event, {@code null} when switched off
	 */
	public RequestContextHttpHandlerDecorator(InboundRequests inbound, @Nullable RequestCompletionLogger completion) {
		this.inbound = inbound;
		this.completion = completion;
	}

	@Override
	public HttpHandler apply(HttpHandler delegate) {
		return (request, response) -> handle(delegate, request, response);
	}

	private Mono<Void> handle(HttpHandler delegate, ServerHttpRequest request, ServerHttpResponse response) {
		RequestContext context = this.inbound.open(request.getHeaders()::getFirst);
		RequestState state = new RequestState(context, System.nanoTime());
		String header = this.inbound.header();
		response.getHeaders().set(header, context.requestId());
		response.beforeCommit(() -> {
			// Error handlers may rebuild the headers; the id must survive on error responses too.
			if (!response.getHeaders().containsHeader(header)) {
				response.getHeaders().set(header, context.requestId());
			}
			return Mono.empty();
		});
		Mono<Void> handled;
		try (MdcSnapshot previous = MdcSnapshot.capture()) {
			context.applyToMdc();
			handled = delegate.handle(request, response);
		}
		return handled.doFinally((signal) -> complete(state, request, response, signal))
			.contextWrite((reactorContext) -> reactorContext.put(RequestContextAccessor.KEY, context)
				.put(RequestState.KEY, state));
	}

	private void complete(RequestState state, ServerHttpRequest request, ServerHttpResponse response,
			SignalType signal) {
		if (this.completion == null || !state.completed.compareAndSet(false, true)) {
			return;
		}
		String path = request.getPath().pathWithinApplication().value();
		if (this.completion.isExcluded(path)) {
			return;
		}
		HttpStatusCode statusCode = response.getStatusCode();
		int status = (statusCode != null) ? statusCode.value() : 200;
		String outcome = null;
		if (signal == SignalType.ON_ERROR && status < 500) {
			status = 500;
		}
		else if (signal == SignalType.CANCEL) {
			outcome = "CANCELLED";
		}
		try (MdcSnapshot previous = MdcSnapshot.capture()) {
			state.contextOutsideSpan().applyToMdc();
			this.completion.completed(request.getMethod().name(), route(state.exchange), status, outcome,
					state.startNanos);
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
