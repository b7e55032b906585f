package io.fluxtail.smoke.webflux;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fluxtail.smoke.RequestContextSmokeTests;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux application started from its jar, checked on its real stdout: the request context
 * through {@code publishOn}, {@code subscribeOn}, {@code delayElement} and {@code WebClient}.
 */
class WebFluxSmokeIT extends RequestContextSmokeTests {

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
	protected String threadKind(String thread) {
		if (thread.startsWith("reactor-http-")) {
			return "reactor-http";
		}
		int dash = thread.indexOf('-');
		return (dash > 0) ? thread.substring(0, dash) : thread;
	}

	@Override
	protected void assertSwitches(JsonNode request) {
		assertThat(request.get("reactorContextPropagation").asBoolean()).isTrue();
		assertThat(request.get("outboundPropagation").asBoolean()).isTrue();
		assertThat(request.get("completion").get("enabled").asBoolean()).isTrue();
	}

	@Override
	protected String service() {
		return "smoke-webflux";
	}

}
