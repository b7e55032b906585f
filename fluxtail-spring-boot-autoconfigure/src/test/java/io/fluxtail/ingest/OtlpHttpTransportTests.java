package io.fluxtail.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.fluxtail.ingest.Transport.Outcome;
import io.fluxtail.ingest.Transport.Outcome.Result;
import io.fluxtail.testsupport.OtlpServer;
import io.fluxtail.testsupport.OtlpServer.Received;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP exchange against a real loopback OTLP server: one kept-alive connection for batch
 * after batch, statuses read as outcomes, and an exchange abandoned when the shipper stops.
 */
class OtlpHttpTransportTests {

	private final OtlpServer server = newServer();

	private final OtlpHttpTransport transport = new OtlpHttpTransport(URI.create(this.server.url()), "flx_test_key",
			Duration.ofSeconds(1), Duration.ofSeconds(30));

	@AfterEach
	void stop() {
		this.transport.close();
		this.server.close();
	}

	@Test
	void batchAfterBatchGoesOverOneKeptAliveConnection() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.transport.send(batch("batch " + i))).isEqualTo(Outcome.SENT);
		}

		List<Received> received = this.server.received();
		assertThat(received).hasSize(3);
		assertThat(received).extracting(Received::clientPort).containsOnly(received.get(0).clientPort());
		assertThat(received).extracting(Received::authorization).containsOnly("Bearer flx_test_key");
		assertThat(received).extracting(Received::contentType).containsOnly("application/x-protobuf");
	}

	@Test
	void statusesBecomeOutcomes() {
		this.server.answer(503, java.util.Map.of("Retry-After", "7"))
			.answer(429, java.util.Map.of())
			.answer(400, java.util.Map.of())
			.answer(202, java.util.Map.of());

		assertThat(this.transport.send(batch("a"))).isEqualTo(new Outcome(Result.RETRY, 503, Duration.ofSeconds(7), "HTTP 503"));
		assertThat(this.transport.send(batch("b"))).isEqualTo(new Outcome(Result.RETRY, 429, null, "HTTP 429"));
		assertThat(this.transport.send(batch("c"))).isEqualTo(new Outcome(Result.REJECTED, 400, null, "HTTP 400"));
		assertThat(this.transport.send(batch("d"))).isEqualTo(Outcome.SENT);
	}

	@Test
	void closeAbandonsAnExchangeWaitingForItsAnswer() throws Exception {
		this.server.hang();
		CompletableFuture<Outcome> sending = CompletableFuture.supplyAsync(() -> this.transport.send(batch("stuck")));
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.server.received().isEmpty());

		this.transport.close();

		// the answer timeout is 30 s: only the close ends the exchange this soon
		Outcome outcome = sending.get(10, TimeUnit.SECONDS);
		assertThat(outcome.result()).isEqualTo(Result.RETRY);
		assertThat(outcome.status()).isZero();
	}

	@Test
	void anExchangeAbandonedAtAnyMomentEndsAsAFailedExchange() throws Exception {
		this.server.hang();
		// a close lands before, during or after the write; the JDK throws a NullPointerException
		// when it lands between the write and the reading of the answer
		for (int i = 0; i < 200; i++) {
			OtlpHttpTransport abandoned = new OtlpHttpTransport(URI.create(this.server.url()), null,
					Duration.ofSeconds(1), Duration.ofSeconds(30));
			String message = "cut " + i;
			CompletableFuture<Outcome> sending = CompletableFuture.supplyAsync(() -> abandoned.send(batch(message)));
			TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(3000));
			abandoned.close();

			assertThat(sending.get(10, TimeUnit.SECONDS).result()).isEqualTo(Result.RETRY);
		}
	}

	@Test
	void aBackendThatStopsReadingCannotHoldTheSendingThread() throws Exception {
		try (ServerSocket stalled = new ServerSocket()) {
			// the kernel accepts the connection into the backlog; nobody reads what arrives
			stalled.setReceiveBufferSize(4096);
			stalled.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
			OtlpHttpTransport stalledTransport = new OtlpHttpTransport(
					URI.create("http://127.0.0.1:" + stalled.getLocalPort() + "/v1/logs"), null, Duration.ofMillis(300),
					Duration.ofMillis(300));
			// far more than the socket buffers take: the write itself blocks
			String huge = "x".repeat(16 * 1024 * 1024);

			CompletableFuture<Outcome> sending = CompletableFuture.supplyAsync(() -> stalledTransport.send(batch(huge)));

			Outcome outcome = sending.get(20, TimeUnit.SECONDS);
			stalledTransport.close();
			assertThat(outcome.result()).isEqualTo(Result.RETRY);
			assertThat(outcome.status()).isZero();
		}
	}

	@Test
	void onlyHttpAndHttpsUrlsAreTaken() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OtlpHttpTransport(URI.create("ftp://ingest.example/v1/logs"), null, Duration.ofSeconds(1),
					Duration.ofSeconds(1)))
			.withMessage("Not an http or https URL: ftp://ingest.example/v1/logs");
	}

	private static List<LogRecordData> batch(String message) {
		return List.of(new ShippedLog(Resource.getDefault(), InstrumentationScopeInfo.create("checkout.api"),
				1_777_025_643_125_000_000L, Severity.INFO, "INFO", message, Attributes.empty(),
				SpanContext.getInvalid()));
	}

	private static OtlpServer newServer() {
		try {
			return new OtlpServer();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
