package io.fluxtail.smoke.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.fluxtail.test.CaptureLogs;
import io.fluxtail.test.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux shape's handlers tested as a user tests them: {@code @SpringBootTest} on a random
 * port with {@code @CaptureLogs}. A line written on a Reactor thread after {@code publishOn}
 * carries the request's id, and the completion line, which the server writes once the client has
 * its response, is awaited.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CaptureLogs
class WorkLogAssertionsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void aLineAfterAThreadHopCarriesItsRequestsIdAndProbe(CapturedLogs logs) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/publish-on?probe=p-hop"))
			.header("X-Request-Id", "p-hop")
			.build();
		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("p-hop");

		assertThat(logs.awaitMessage("request completed")).withRequestId("p-hop")
			.containsMessagesInOrder("after publishOn", "request completed")
			.noLineAbove(Level.INFO)
			.satisfiesContract()
			.containsNoSecrets()
			.withMessage("after publishOn")
			.singleLine()
			.hasLogger("smoke.web")
			.hasField("probe", "p-hop");
		assertThat(logs).withRequestId("p-hop")
			.withMessage("request completed")
			.singleLine()
			.hasField("http_route", "/publish-on")
			.hasField("http_status", 200);
	}

}
