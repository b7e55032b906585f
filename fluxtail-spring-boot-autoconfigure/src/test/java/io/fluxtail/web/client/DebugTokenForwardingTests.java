package io.fluxtail.web.client;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugSettings;
import io.fluxtail.logging.debug.DebugStats;
import io.fluxtail.logging.debug.UnitDebug;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkContextAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request served with a valid debug token sends it on only when
 * {@code fluxtail.debug-on-demand.forward} is on, for both kinds of HTTP client.
 */
class DebugTokenForwardingTests {

	private static final String HEADER = "X-Fluxtail-Debug";

	private final LoggerContext logback = new LoggerContext();

	@AfterEach
	void clear() {
		UnitDebug.putOnThread(null);
	}

	@Test
	void restClientsSendTheTokenOnOnlyWhenForwardingIsOn() throws Exception {
		assertThat(sentByRestClient(unit(true))).isEqualTo("token-1");
		assertThat(sentByRestClient(unit(false))).isNull();
		assertThat(sentByRestClient(null)).isNull();
	}

	@Test
	void webClientsSendTheTokenOnOnlyWhenForwardingIsOn() {
		assertThat(sentByWebClient(unit(true))).isEqualTo("token-1");
		assertThat(sentByWebClient(unit(false))).isNull();
	}

	private String sentByRestClient(UnitDebug unit) throws Exception {
		UnitDebug.putOnThread(unit);
		MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET, URI.create("http://127.0.0.1/"));
		new RequestIdClientInterceptor("X-Request-Id", HEADER).intercept(request, new byte[0],
				(sent, body) -> new MockClientHttpResponse(new byte[0], HttpStatus.OK));
		return request.getHeaders().getFirst(HEADER);
	}

	private String sentByWebClient(UnitDebug unit) {
		AtomicReference<HttpHeaders> sent = new AtomicReference<>();
		WorkContext context = WorkContext.http("req-1", null).withDebug(unit);
		new RequestIdExchangeFilter("X-Request-Id", HEADER)
			.filter(ClientRequest.create(HttpMethod.GET, URI.create("http://127.0.0.1/")).build(), (request) -> {
				sent.set(request.headers());
				return Mono.just(ClientResponse.create(HttpStatus.OK).build());
			})
			.contextWrite(Context.of(WorkContextAccessor.KEY, context))
			.block();
		assertThat(sent.get().getFirst("X-Request-Id")).isEqualTo("req-1");
		return sent.get().getFirst(HEADER);
	}

	private UnitDebug unit(boolean forward) {
		DebugLines lines = new DebugLines(new DebugSettings(null, 0, 0, 0, Level.DEBUG, forward), new DebugStats(),
				this.logback.getLogger(DebugLines.LOGGER_NAME));
		return lines.open("token-1");
	}

}
