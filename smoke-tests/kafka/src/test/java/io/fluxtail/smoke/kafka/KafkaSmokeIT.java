package io.fluxtail.smoke.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.fluxtail.smoke.ContractChecks;
import io.fluxtail.smoke.DebugTokenMint;
import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka application started from its jar against a real KRaft broker that this test runs in
 * its own JVM: HTTP request, {@code KafkaTemplate}, {@code @KafkaListener}, lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaSmokeIT {

	private static final String FORGED = "forged\r\n{\"level\":\"ERROR\"}";

	private static EmbeddedKafkaKraftBroker broker;

	private static SmokeApp app;

	private static SmokeHttp http;

	@BeforeAll
	static void start() {
		broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.afterPropertiesSet();
		app = SmokeApp.builder()
			.arg("--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString())
			.arg("--fluxtail.debug-on-error.enabled=true")
			.arg("--fluxtail.debug-on-demand.key=" + DebugTokenMint.SMOKE_KEY)
			.arg("--fluxtail.debug-on-demand.forward=true")
			.start();
		http = new SmokeHttp(app.port());
	}

	@AfterAll
	static void stop() {
		app.close();
		broker.destroy();
	}

	@Test
	@Order(1)
	void theListenersLinesCarryTheIdOfTheRequestThatPublished() {
		http.get("/publish?probe=order-1", "X-Request-Id", "order-1", "traceparent",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

		JsonNode consumed = app.awaitJsonLine((line) -> "order consumed".equals(text(line, "message"))
				&& "order-1".equals(text(line, "probe")));
		assertThat(text(consumed, "request_id")).isEqualTo("order-1");
		assertThat(text(consumed, "job")).isEqualTo("order-events");
		assertThat(text(consumed, "kafka_topic")).isEqualTo("orders");
		assertThat(text(consumed, "kafka_partition")).matches("[0-2]");
		assertThat(text(consumed, "kafka_offset")).matches("\\d+");
		JsonNode completion = app.awaitJsonLine((line) -> "record completed".equals(text(line, "message"))
				&& "order-1".equals(text(line, "request_id")));
		assertThat(text(completion, "level")).isEqualTo("INFO");
		assertThat(text(completion, "outcome")).isEqualTo("SUCCESS");
		assertThat(text(completion, "job")).isEqualTo("order-events");
	}

	/**
	 * The three consumers share the three partitions once the group has settled, as the
	 * container's own assignment lines tell; before that one consumer may hold them all.
	 */
	private static void awaitEveryConsumerHoldsAPartition() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (consumersHoldingAPartition() < 3) {
			assertThat(System.nanoTime()).as("three consumers with a partition within 30 s").isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private static long consumersHoldingAPartition() {
		Map<String, Boolean> holding = new HashMap<>();
		for (JsonNode line : LogLines.parseAll(app.stdout())) {
			String message = text(line, "message");
			if (message.startsWith("order-events: partitions assigned: [orders")) {
				holding.put(text(line, "thread"), true);
			}
			else if (message.startsWith("order-events: partitions revoked:")) {
				holding.put(text(line, "thread"), false);
			}
		}
		return holding.values().stream().filter(Boolean::booleanValue).count();
	}

	@Test
	@Order(2)
	void fiveHundredEventsConsumedConcurrentlyGiveNoMismatchedLine() {
		awaitEveryConsumerHoldsAPartition();
		http.callEachWithItsOwnId(List.of("/publish"), 500, 8);
		app.awaitStdoutCount(500, (line) -> line.contains("\"message\":\"order consumed\"") && line.contains("load-"));

		List<JsonNode> consumed = LogLines.parseAll(app.stdout())
			.stream()
			.filter((line) -> "order consumed".equals(text(line, "message"))
					&& text(line, "probe").startsWith("load-"))
			.toList();
		assertThat(consumed).hasSize(500);
		assertThat(LogLines.withForeignOrMissingId(consumed)).as("mismatched lines").isEmpty();
		assertThat(consumed.stream().map((line) -> text(line, "thread")).distinct().count())
			.as("consumer threads")
			.isGreaterThan(1);
	}

	@Test
	@Order(3)
	void aMalformedHeaderIsReplacedNeverWrittenAndCounted() throws Exception {
		long rejectedBefore = messages().get("rejectedHeaderIds").asLong();
		ProducerRecord<String, String> record = new ProducerRecord<>("orders", "malformed-1", "malformed-1");
		record.headers().add("X-Request-Id", FORGED.getBytes(StandardCharsets.UTF_8));
		send(record);

		JsonNode consumed = app.awaitJsonLine((line) -> "malformed-1".equals(text(line, "probe")));
		assertThat(text(consumed, "request_id")).matches("msg-[0-9a-f]{16}");
		assertThat(app.stdout()).noneMatch((line) -> line.contains("forged"));
		assertThat(messages().get("rejectedHeaderIds").asLong()).isEqualTo(rejectedBefore + 1);
	}

	@Test
	@Order(4)
	void aRecordWithoutHeaderGetsAFreshId() throws Exception {
		send(new ProducerRecord<>("orders", "bare-1", "bare-1"));

		JsonNode consumed = app.awaitJsonLine((line) -> "bare-1".equals(text(line, "probe")));
		assertThat(text(consumed, "request_id")).matches("msg-[0-9a-f]{16}");
	}

	@Test
	@Order(5)
	void aFailingRecordHasErrorCompletionsAndTheErrorHandlersLineInItsContext() {
		http.get("/publish?probe=poison-1", "X-Request-Id", "poison-1");

		JsonNode handled = app.awaitJsonLine((line) -> "ERROR".equals(text(line, "level"))
				&& text(line, "logger").startsWith("org.springframework.kafka.listener.")
				&& "poison-1".equals(text(line, "request_id")));
		assertThat(text(handled, "job")).isEqualTo("order-events");
		List<JsonNode> completions = LogLines.parseAll(app.stdout())
			.stream()
			.filter((line) -> "record completed".equals(text(line, "message"))
					&& "poison-1".equals(text(line, "request_id")))
			.toList();
		assertThat(completions).as("one completion per delivery attempt").isNotEmpty().allSatisfy((completion) -> {
			assertThat(text(completion, "level")).isEqualTo("ERROR");
			assertThat(text(completion, "outcome")).isEqualTo("ERROR");
			assertThat(text(completion, "stack_trace")).contains("unreadable order poison-1");
		});
		List<JsonNode> lines = LogLines.parseAll(app.stdout());
		List<JsonNode> received = lines.stream()
			.filter((line) -> "order received".equals(text(line, "message")))
			.toList();
		assertThat(received).as("debug lines, kept and written for the failed deliveries only")
			.isNotEmpty()
			.allMatch((line) -> "poison-1".equals(text(line, "request_id")) && line.get("buffered").asBoolean()
					&& "DEBUG".equals(text(line, "level")) && "order-events".equals(text(line, "job")));
		int firstReceived = lines.indexOf(received.get(0));
		int firstCompletion = lines.indexOf(completions.get(0));
		assertThat(firstReceived).as("written before the completion line").isLessThan(firstCompletion);
	}

	@Test
	@Order(6)
	void theEndpointSaysWhereRequestIdsComeFromAndDescribesExactlyTheFieldsOnTheLines() {
		JsonNode endpoint = LogLines.parse(http.get("/actuator/fluxtail").body());
		ContractChecks.assertEndpointDescribesTheLines(endpoint, LogLines.parseAll(app.stdout()),
				Set.of("probe", "poison"), Set.of("buffered_left_out"));
		JsonNode requestId = null;
		for (JsonNode field : endpoint.get("fields")) {
			if ("request_id".equals(text(field, "name"))) {
				requestId = field;
			}
		}
		assertThat(requestId).isNotNull();
		assertThat(text(requestId, "source"))
			.isEqualTo("header:X-Request-Id|X-Correlation-Id|generated|message-header:X-Request-Id|generated");
		JsonNode messages = messages();
		assertThat(messages.get("records").asLong()).isGreaterThanOrEqualTo(503);
		assertThat(messages.get("acceptedHeaderIds").asLong()).isGreaterThanOrEqualTo(502);
	}

	@Test
	@Order(7)
	void aRequestsValidDebugTokenTravelsWithItsRecordWhenForwardedAndTheListenerWritesItsDebugLineAtOnce() {
		String token = DebugTokenMint.mint(DebugTokenMint.SMOKE_KEY, Instant.now().plusSeconds(600), null);
		http.get("/publish?probe=ondemand-1", "X-Request-Id", "ondemand-1", "X-Fluxtail-Debug", token);

		JsonNode received = app.awaitJsonLine((line) -> "order received".equals(text(line, "message"))
				&& "ondemand-1".equals(text(line, "probe")));
		assertThat(text(received, "level")).isEqualTo("DEBUG");
		assertThat(received.has("buffered")).as("written at once, not kept").isFalse();
		assertThat(text(received, "request_id")).isEqualTo("ondemand-1");
		assertThat(app.stdout()).noneMatch((line) -> line.contains(token));
		assertThat(messagesDebugTokens().get("accepted").asLong()).as("the request's and the record's")
			.isGreaterThanOrEqualTo(2);
	}

	private static JsonNode messagesDebugTokens() {
		return LogLines.parse(http.get("/actuator/fluxtail").body()).get("debug").get("tokens");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void everyLineFromJvmStartToExitIsOneJsonObjectWithTheContract() {
		app.stop();
		List<JsonNode> lines = LogLines.parseAll(app.stdout());

		LogLines.assertContract(lines, LogLines.CONTRACT);
		assertThat(lines).allMatch((line) -> "smoke-kafka".equals(text(line, "service")));
		assertThat(text(lines.get(0), "message")).startsWith("Starting ");
		// Kafka's clients close after the web server, so the graceful shutdown is not among the last lines.
		assertThat(lines).anyMatch((line) -> "Graceful shutdown complete".equals(text(line, "message")));
		assertThat(lines).filteredOn((line) -> "SpringApplicationShutdownHook".equals(text(line, "thread")))
			.isNotEmpty()
			.allMatch((line) -> "-".equals(text(line, "request_id")));
		assertThat(app.stderr()).isEmpty();
	}

	private static JsonNode messages() {
		return LogLines.parse(http.get("/actuator/fluxtail").body()).get("work").get("messages");
	}

	private static void send(ProducerRecord<String, String> record) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(record).get(10, TimeUnit.SECONDS);
		}
	}

}
