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
 * Gives the coroutines a request's {@code CoWebFilter}s, {@code coRouter} handlers and
 * {@code suspend} controller functions run in a {@link PropagationContextElement}, so the request
 * context follows them to {@code withContext(Dispatchers.IO)}, {@code async} and {@code delay}
 * threads. They run in the context held by {@link CoWebFilter#COROUTINE_CONTEXT_ATTRIBUTE}, and
 * {@code CoWebFilter}s extend it. Without this filter, Spring adds the element only to controller
 * functions, and only while no {@code CoWebFilter} has set the attribute; {@code coRouter}
 * handlers never get it.
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
