package io.fluxtail.smoke;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RequestContextSmokeTests} for a WebFlux application with {@code WebClient}: Reactor
 * Netty's threads are one kind, and every request switch runs.
 */
public abstract class ReactiveRequestContextSmokeTests extends RequestContextSmokeTests {

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

}
