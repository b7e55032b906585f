package io.fluxtail.web.reactive;

import kotlin.coroutines.CoroutineContext;
import kotlinx.coroutines.Dispatchers;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.PropagationContextElement;
import org.springframework.web.server.CoWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every coroutine that serves the request a {@link PropagationContextElement}, so its
 * request context follows it to {@code withContext(Dispatchers.IO)}, {@code async} and
 * {@code delay} threads. Spring adds the element itself only to {@code suspend} controller
 * functions, and only while no {@link CoWebFilter} has set the exchange's coroutine context;
 * {@code coRouter} handlers never get it. The context is handed on through
 * {@link CoWebFilter#COROUTINE_CONTEXT_ATTRIBUTE}, which {@code CoWebFilter}s extend, and
 * {@code coRouter} and controller functions run in.
 *
 * <p>
 * As Spring does, the element is added only while Reactor's automatic context propagation is on.
 */
public final class CoroutineContextWebFilter implements WebFilter, Ordered {

	/** Order of the filter: before any application filter, a {@code CoWebFilter} included. */
	public static final int ORDER = RequestContextWebFilter.ORDER + 1;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (Hooks.isAutomaticContextPropagationEnabled()) {
			CoroutineContext context = exchange.getAttribute(CoWebFilter.COROUTINE_CONTEXT_ATTRIBUTE);
			CoroutineContext base = (context != null) ? context : Dispatchers.getUnconfined();
			if (base.get(PropagationContextElement.Key) == null) {
				exchange.getAttributes()
					.put(CoWebFilter.COROUTINE_CONTEXT_ATTRIBUTE, base.plus(new PropagationContextElement()));
			}
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
