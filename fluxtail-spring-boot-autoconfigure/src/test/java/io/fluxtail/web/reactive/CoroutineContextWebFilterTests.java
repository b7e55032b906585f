package io.fluxtail.web.reactive;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkContextAccessor;
import kotlin.coroutines.ContinuationInterceptor;
import kotlin.coroutines.CoroutineContext;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.CoroutineName;
import kotlinx.coroutines.Dispatchers;
import kotlinx.coroutines.reactor.MonoKt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.PropagationContextElement;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.CoWebFilter;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoroutineContextWebFilter}.
 */
class CoroutineContextWebFilterTests {

	private final CoroutineContextWebFilter filter = new CoroutineContextWebFilter();

	private final ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/orders"));

	private boolean automaticPropagationBefore;

	@BeforeEach
	void enableAutomaticPropagation() {
		this.automaticPropagationBefore = Hooks.isAutomaticContextPropagationEnabled();
		Hooks.enableAutomaticContextPropagation();
	}

	@AfterEach
	void restoreAutomaticPropagation() {
		// A JVM-wide switch: leave it as the other tests found it.
		if (!this.automaticPropagationBefore) {
			Hooks.disableAutomaticContextPropagation();
		}
	}

	@Test
	void handlersGetAnUnconfinedContextThatCarriesTheRequestContextToOtherDispatchers() {
		CoroutineContext context = filtered();

		assertThat(context.get(ContinuationInterceptor.Key)).isSameAs(Dispatchers.getUnconfined());
		Mono<String> requestIdOnIo = MonoKt
			.<String>mono(context,
					(scope, continuation) -> BuildersKt.withContext(Dispatchers.getIO(),
							(io, inner) -> Thread.currentThread().getName() + " " + MDC.get(CoreFields.REQUEST_ID),
							continuation))
			.contextWrite(Context.of(WorkContextAccessor.KEY, WorkContext.http("req-1", null)));
		assertThat(requestIdOnIo.block()).startsWith("DefaultDispatcher-worker-").endsWith(" req-1");
	}

	@Test
	void aContextAnEarlierCoWebFilterSetIsKeptAndGetsTheElement() {
		CoroutineContext earlier = Dispatchers.getUnconfined().plus(new CoroutineName("tenant"));
		this.exchange.getAttributes().put(CoWebFilter.COROUTINE_CONTEXT_ATTRIBUTE, earlier);

		CoroutineContext context = filtered();

		assertThat(context.get(CoroutineName.Key).getName()).isEqualTo("tenant");
		assertThat(context.get(PropagationContextElement.Key)).isNotNull();
	}

	@Test
	void aContextThatHasTheElementIsLeftAsItIs() {
		CoroutineContext own = Dispatchers.getUnconfined().plus(new PropagationContextElement());
		this.exchange.getAttributes().put(CoWebFilter.COROUTINE_CONTEXT_ATTRIBUTE, own);

		assertThat(filtered()).isSameAs(own);
	}

	@Test
	void withoutAutomaticPropagationTheExchangeIsLeftAlone() {
		Hooks.disableAutomaticContextPropagation();

		assertThat(filtered()).isNull();
	}

	private CoroutineContext filtered() {
		this.filter.filter(this.exchange, (exchange) -> Mono.empty()).block();
		return this.exchange.getAttribute(CoWebFilter.COROUTINE_CONTEXT_ATTRIBUTE);
	}

}
