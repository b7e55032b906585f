package io.fluxtail.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.fluxtail.logging.batch.BatchStats;
import io.fluxtail.logging.batch.DropReason;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.testsupport.OtlpServer;
import io.fluxtail.testsupport.OtlpServer.Received;
import io.fluxtail.testsupport.OtlpServer.Shipped;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery against a real loopback OTLP server: retries, {@code Retry-After}, refused batches,
 * graceful stop and a backend that never answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogShipperTests {

	private final FieldContract contract = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.build();

	private final OtlpServer server = newServer();

	private IngestFixture fixture;

	@AfterEach
	void stop() {
		if (this.fixture != null) {
			this.fixture.ingest.stop();
		}
		this.server.close();
	}

	@Test
	void aBatchRefusedWith503IsSentAgainAndEveryEventArrivesOnce() throws Exception {
		this.server.answer(503, Map.of()).answer(503, Map.of());
		this.fixture = start(this.server.url(), IngestFixture.settings(10, Duration.ofMillis(200)));
		List<String> messages = IntStream.range(0, 10).mapToObj((i) -> "order " + i).toList();
		messages.forEach(this.fixture::writeInfo);

		List<Shipped> accepted = this.server.awaitAccepted(messages.size());
		assertThat(accepted).extracting(Shipped::body).containsExactlyInAnyOrderElementsOf(messages);
		assertThat(this.server.received()).extracting(Received::status).containsSubsequence(503, 503, 200);
		BatchStats stats = this.fixture.ingest.stats();
		// the receiver has the batch before the sending thread has read its answer and counted it
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stats.exported()).isEqualTo(messages.size()));
		assertThat(stats.retries()).isEqualTo(2);
		assertThat(stats.droppedByReason().values()).allMatch((count) -> count == 0);
		assertThat(stats.lastExport()).isNotNull();
	}

	@Test
	void a429WithRetryAfterIsHonoured() throws Exception {
		this.server.answer(429, Map.of("Retry-After", "1"));
		// backoff alone would retry after at most 100 ms
		this.fixture = start(this.server.url(), IngestFixture.settings(1, Duration.ofMillis(50)));
		this.fixture.writeInfo("throttled");

		this.server.awaitRecord((record) -> record.body().equals("throttled"));
		List<Received> requests = this.server.received();
		assertThat(requests).extracting(Received::status).containsExactly(429, 200);
		assertThat(requests.get(1).since(requests.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void retryAfterZeroDoesNotRetryFasterThanTheBackoff() throws Exception {
		for (int i = 0; i < 1000; i++) {
			this.server.answer(503, Map.of("Retry-After", "0"));
		}
		// backoff from 100 ms, at most 200 ms: at most 11 requests in the first second
		this.fixture = start(this.server.url(), new DeliverySettings(64, 1_000_000, 1, Duration.ofMillis(10),
				Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMinutes(1), Duration.ofSeconds(1)));
		this.fixture.writeInfo("unavailable");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.server.received().isEmpty());
		Thread.sleep(1200);

		List<Received> received = this.server.received();
		assertThat(received).filteredOn((request) -> request.since(received.get(0)).toMillis() <= 1000)
			.hasSizeBetween(3, 11);
		assertThat(this.fixture.ingest.status().inFlight()).isEqualTo(1);
	}

	@Test
	void aSendThatThrowsCostsThatBatchOnlyAndIsCounted(CapturedOutput output) {
		List<LogRecordData> delivered = new CopyOnWriteArrayList<>();
		AtomicInteger sends = new AtomicInteger();
		Transport throwingOnce = (batch) -> {
			if (sends.getAndIncrement() == 0) {
				// what HttpURLConnection throws for a key with a line break, the key quoted
				throw new IllegalArgumentException("Illegal character(s) in message header value: Bearer "
						+ IngestFixture.API_KEY);
			}
			delivered.addAll(batch);
			return Transport.Outcome.SENT;
		};
		this.fixture = new IngestFixture(this.contract, Map.of(), throwingOnce,
				IngestFixture.settings(1, Duration.ofMillis(10)));
		this.fixture.writeInfo("lost to a defect");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.fixture.ingest.stats().dropped(DropReason.FAILED) == 1);
		this.fixture.writeInfo("sent after it");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.fixture.ingest.stats().exported() == 1);
		assertThat(delivered).extracting((record) -> record.getBodyValue().asString()).containsExactly("sent after it");
		assertThat(this.fixture.ingest.stats().droppedByReason()).containsEntry("failed", 1L);
		assertThat(output.getOut()).contains(
				"Fluxtail ingest could not send a batch (java.lang.IllegalArgumentException at ");
		assertThat(output.getAll()).doesNotContain(IngestFixture.API_KEY);
	}

	@Test
	void aStopWithTheIngestDownIsBoundedAndSaysWhatWasNotDelivered(CapturedOutput output) throws Exception {
		for (int i = 0; i < 1000; i++) {
			this.server.answer(503, Map.of());
		}
		this.fixture = start(this.server.url(), new DeliverySettings(64, 1_000_000, 4, Duration.ofMillis(10),
				Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofMillis(500)));
		IntStream.range(0, 10).forEach((i) -> this.fixture.writeInfo("undelivered " + i));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.fixture.ingest.status().inFlight() > 0);
		// the batch under retry is shown, not lost between the queue and the counters
		IngestStatus before = this.fixture.ingest.status();
		assertThat(before.queued() + before.inFlight()).isEqualTo(10);
		assertThat(before.stats().undelivered()).isZero();

		long start = System.nanoTime();
		this.fixture.ingest.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		BatchStats stats = this.fixture.ingest.stats();
		assertThat(stats.exported()).isZero();
		assertThat(stats.dropped(DropReason.SHUTDOWN)).isEqualTo(10);
		assertThat(this.fixture.ingest.status().inFlight()).isZero();
		assertThat(output.getOut().lines().filter((line) -> line.contains("Fluxtail ingest stopped with")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("10 events not delivered", "shutdown=10");
	}

	@Test
	void aStopAfterEverythingWasDeliveredIsQuiet(CapturedOutput output) throws Exception {
		this.fixture = start(this.server.url(), IngestFixture.settings(1, Duration.ofMillis(10)));
		this.fixture.writeInfo("delivered");
		this.server.awaitRecord((record) -> record.body().equals("delivered"));

		this.fixture.ingest.stop();

		assertThat(output.getOut()).doesNotContain("Fluxtail ingest stopped with");
	}

	@Test
	void anotherClientErrorDropsTheBatchWithOneErrorLine(CapturedOutput output) throws Exception {
		this.server.answer(401, Map.of()).answer(401, Map.of());
		this.fixture = start(this.server.url(), IngestFixture.settings(1, Duration.ofMillis(50)));
		this.fixture.writeInfo("first");
		this.fixture.writeInfo("second");
		this.fixture.writeInfo("third");

		this.server.awaitRecord((record) -> record.body().equals("third"));
		assertThat(this.server.received()).extracting(Received::status).containsExactly(401, 401, 200);
		assertThat(this.fixture.ingest.stats().dropped(DropReason.REJECTED)).isEqualTo(2);
		assertThat(this.fixture.ingest.stats().retries()).isZero();
		assertThat(output.getOut().lines().filter((line) -> line.contains("refused a batch with HTTP 401")))
			.hasSize(1);
		assertThat(output.getAll()).doesNotContain(IngestFixture.API_KEY);
	}

	@Test
	void aGracefulStopDeliversWhatIsQueued() throws Exception {
		// neither bound would send these before the stop
		this.fixture = start(this.server.url(), IngestFixture.settings(64, Duration.ofMinutes(10)));
		IntStream.range(0, 20).forEach((i) -> this.fixture.writeInfo("queued " + i));
		assertThat(this.server.received()).isEmpty();

		this.fixture.ingest.stop();

		assertThat(this.server.accepted()).hasSize(20);
		assertThat(this.fixture.ingest.stats().dropped(DropReason.SHUTDOWN)).isZero();
	}

	@Test
	void aBackendThatNeverAnswersNeitherBlocksLoggingNorTheStop() throws Exception {
		this.server.hang();
		this.fixture = start(this.server.url(), IngestFixture.settings(8, Duration.ofMillis(20)));
		IntStream.range(0, 500).forEach((i) -> this.fixture.writeInfo("event " + i));

		BatchStats stats = this.fixture.ingest.stats();
		assertThat(stats.dropped(DropReason.QUEUE_FULL)).isPositive();
		assertThat(this.fixture.ingest.status().queued()).isLessThanOrEqualTo(64);
		this.fixture.ingest.stop();
		assertThat(stats.exported()).isZero();
		assertThat(stats.dropped(DropReason.QUEUE_FULL) + stats.dropped(DropReason.SHUTDOWN)).isEqualTo(500);
	}

	@Test
	void connectErrorsAreRetriedUntilTheBudgetIsSpent(CapturedOutput output) throws Exception {
		String closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = "http://127.0.0.1:" + socket.getLocalPort() + "/v1/logs";
		}
		DeliverySettings settings = new DeliverySettings(64, 1_000_000, 1, Duration.ofMillis(10),
				Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofSeconds(1));
		this.fixture = start(closedPort, settings);
		this.fixture.writeInfo("lost");

		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.fixture.ingest.stats().dropped(DropReason.RETRIES_EXHAUSTED) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.fixture.ingest.stats().dropped(DropReason.RETRIES_EXHAUSTED)).isEqualTo(1);
		assertThat(this.fixture.ingest.stats().retries()).isPositive();
		assertThat(output.getOut()).contains("Fluxtail ingest failed (ConnectException: Connection refused)");
	}

	private IngestFixture start(String url, DeliverySettings settings) {
		return new IngestFixture(this.contract, Map.of(), url, settings);
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
