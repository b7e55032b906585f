package io.fluxtail.smoke.webflux;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fluxtail.smoke.ReactiveRequestContextSmokeTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux application started from its jar, checked on its real stdout: the request context
 * through {@code publishOn}, {@code subscribeOn}, {@code delayElement} and {@code WebClient}.
 */
class WebFluxSmokeIT extends ReactiveRequestContextSmokeTests {

	@Override
	protected List<String> handlers() {
		return List.of("/publish-on", "/subscribe-on", "/delay", "/chain", "/hello");
	}

	@Override
	protected int probedLinesPerRound() {
		// /chain writes 3 (two upstream, one downstream), the others 1
		return 1 + 1 + 1 + 3 + 1;
	}

	@Override
	protected void assertThreadHops(Map<String, Set<String>> threadKindsByMessage) {
		assertThat(threadKindsByMessage.get("hello")).containsExactly("reactor-http");
		assertThat(threadKindsByMessage.get("after publishOn")).containsExactly("boundedElastic");
		assertThat(threadKindsByMessage.get("inside subscribeOn")).containsExactly("parallel");
		assertThat(threadKindsByMessage.get("after delayElement")).containsExactly("parallel");
	}

	@Override
	protected String service() {
		return "smoke-webflux";
	}

}
