package io.fluxtail.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.Outcome;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.testsupport.LogLines;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.backoff.FixedBackOff;

import static io.fluxtail.testsupport.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request ids across a real Kafka broker (KRaft, in process): sent by {@code KafkaTemplate} as a
 * record header, taken by {@code @KafkaListener} containers with the HTTP trust rule.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaMessageContextTests {

	private static final String ORDERS = "orders";

	private static final String IMPORTS = "imports";

	private static EmbeddedKafkaKraftBroker broker;

	private static ConfigurableApplicationContext context;

	private LogLines logs;

	@BeforeAll
	static void startBrokerAndApplication() {
		broker = new EmbeddedKafkaKraftBroker(1, 3, ORDERS, IMPORTS);
		broker.afterPropertiesSet();
		context = new SpringApplicationBuilder(KafkaApplication.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=kafka-context", "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"spring.kafka.consumer.auto-offset-reset=earliest", "spring.kafka.consumer.group-id=fluxtail",
					"spring.kafka.listener.concurrency=3")
			.run();
		awaitEveryConsumerHasAPartition();
	}

	/**
	 * Three consumers share three partitions once the group has settled; before that one consumer
	 * may hold them all, and records sent then would all be read on one thread.
	 */
	private static void awaitEveryConsumerHasAPartition() {
		for (MessageListenerContainer container : context.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainers()) {
			if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
				await().atMost(Duration.ofSeconds(30))
					.until(() -> concurrent.getContainers()
						.stream()
						.allMatch((consumer) -> consumer.getAssignedPartitions() != null
								&& !consumer.getAssignedPartitions().isEmpty()));
			}
		}
	}

	@AfterAll
	static void stop() {
		context.close();
		broker.destroy();
	}

	@BeforeEach
	void markLogs(CapturedOutput output) {
		this.logs = new LogLines(output);
		listener().reset(1);
	}

	@AfterEach
	void clearMdc() {
		WorkContext.clearMdc();
	}

	@Test
	void listenerLinesCarryTheSendersRequestIdAndTheRecordsCoordinates() throws Exception {
		WorkContext.http("req-7f3a9c", null).applyToMdc();
		template().send(ORDERS, "order-1").get(10, TimeUnit.SECONDS);
		listener().await();

		JsonNode received = single("order received order-1");
		assertThat(text(received, CoreFields.REQUEST_ID)).isEqualTo("req-7f3a9c");
		assertThat(text(received, CoreFields.JOB)).isEqualTo("orders-listener");
		assertThat(text(received, CoreFields.KAFKA_TOPIC)).isEqualTo(ORDERS);
		assertThat(text(received, CoreFields.KAFKA_PARTITION)).matches("[0-2]");
		assertThat(text(received, CoreFields.KAFKA_OFFSET)).matches("\\d+");
		JsonNode completion = completionOf("req-7f3a9c");
		assertThat(text(completion, CoreFields.LEVEL)).isEqualTo("INFO");
		assertThat(text(completion, CoreFields.OUTCOME)).isEqualTo(Outcome.SUCCESS.name());
		assertThat(text(completion, CoreFields.JOB)).isEqualTo("orders-listener");
	}

	@Test
	void aMalformedHeaderIsReplacedCountedAndNeverWritten() throws Exception {
		long rejected = contexts().idStats().rejectedInboundIds();
		ProducerRecord<Object, Object> record = new ProducerRecord<>(ORDERS, "order-2");
		record.headers().add("X-Request-Id", "forged\"} {\"level\":\"ERROR".getBytes(StandardCharsets.UTF_8));
		template().send(record).get(10, TimeUnit.SECONDS);
		listener().await();

		JsonNode received = single("order received order-2");
		assertThat(text(received, CoreFields.REQUEST_ID)).matches("msg-[0-9a-f]{16}");
		assertThat(this.logs.rawSinceMark()).doesNotContain("forged");
		assertThat(contexts().idStats().rejectedInboundIds()).isEqualTo(rejected + 1);
	}

	@Test
	void aRecordWithoutHeaderGetsAFreshId() throws Exception {
		template().send(ORDERS, "order-3").get(10, TimeUnit.SECONDS);
		listener().await();

		assertThat(text(single("order received order-3"), CoreFields.REQUEST_ID)).matches("msg-[0-9a-f]{16}");
	}

	@Test
	void aFailingListenerHasErrorCompletionsAndTheErrorHandlersLineInTheRecordsContext() throws Exception {
		WorkContext.http("req-fails", null).applyToMdc();
		template().send(ORDERS, "poison").get(10, TimeUnit.SECONDS);
		listener().await();
		awaitLines((line) -> "req-fails".equals(text(line, CoreFields.REQUEST_ID))
				&& DefaultErrorHandler.class.getName().equals(text(line, CoreFields.LOGGER)));

		List<JsonNode> completions = this.logs.matching((line) -> "req-fails".equals(text(line, CoreFields.REQUEST_ID))
				&& MessageContexts.RECORD_MESSAGE.equals(text(line, CoreFields.MESSAGE)));
		assertThat(completions).as("one completion per delivery attempt").hasSize(2).allSatisfy((completion) -> {
			assertThat(text(completion, CoreFields.LEVEL)).isEqualTo("ERROR");
			assertThat(text(completion, CoreFields.OUTCOME)).isEqualTo(Outcome.ERROR.name());
			assertThat(text(completion, CoreFields.STACK_TRACE)).contains("poison pill");
		});
	}

	@Test
	void fiveHundredRecordsConsumedConcurrentlyGiveNoMismatchedLine() throws Exception {
		listener().reset(500);
		for (int i = 0; i < 500; i++) {
			WorkContext.http("req-load-" + i, null).applyToMdc();
			template().send(ORDERS, "key-" + i, "req-load-" + i);
		}
		template().flush();
		listener().await();

		List<JsonNode> received = this.logs.matching((line) -> text(line, CoreFields.MESSAGE) != null
				&& text(line, CoreFields.MESSAGE).startsWith("order received req-load-"));
		assertThat(received).hasSize(500);
		assertThat(received.stream().map((line) -> text(line, CoreFields.THREAD)).distinct())
			.as("consumer threads")
			.hasSizeGreaterThan(1);
		List<JsonNode> mismatched = received.stream()
			.filter((line) -> !text(line, CoreFields.MESSAGE).endsWith(" " + text(line, CoreFields.REQUEST_ID)))
			.toList();
		assertThat(mismatched).isEmpty();
	}

	@Test
	void aBatchListenerGetsOneIdPerBatch() throws Exception {
		for (int i = 0; i < 20; i++) {
			WorkContext.http("req-import-" + i, null).applyToMdc();
			template().send(IMPORTS, "row-" + i);
		}
		template().flush();
		awaitLines((line) -> MessageContexts.BATCH_MESSAGE.equals(text(line, CoreFields.MESSAGE)));

		List<JsonNode> batches = this.logs.matching((line) -> "imports-listener".equals(text(line, CoreFields.JOB)));
		Map<String, List<JsonNode>> byId = batches.stream()
			.collect(Collectors.groupingBy((line) -> text(line, CoreFields.REQUEST_ID)));
		assertThat(byId).isNotEmpty().allSatisfy((id, lines) -> {
			assertThat(id).matches("msg-[0-9a-f]{16}");
			assertThat(lines).filteredOn((line) -> MessageContexts.BATCH_MESSAGE.equals(text(line, CoreFields.MESSAGE)))
				.hasSize(1);
		});
	}

	private JsonNode single(String message) {
		List<JsonNode> lines = this.logs.matching((line) -> message.equals(text(line, CoreFields.MESSAGE)));
		assertThat(lines).as(message).hasSize(1);
		return lines.get(0);
	}

	private JsonNode completionOf(String requestId) throws InterruptedException {
		awaitLines((line) -> requestId.equals(text(line, CoreFields.REQUEST_ID))
				&& MessageContexts.RECORD_MESSAGE.equals(text(line, CoreFields.MESSAGE)));
		return this.logs.matching((line) -> requestId.equals(text(line, CoreFields.REQUEST_ID))
				&& MessageContexts.RECORD_MESSAGE.equals(text(line, CoreFields.MESSAGE))).get(0);
	}

	private void awaitLines(java.util.function.Predicate<JsonNode> predicate) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (this.logs.matching(predicate).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.logs.matching(predicate)).isNotEmpty();
	}

	@SuppressWarnings("unchecked")
	private static KafkaTemplate<Object, Object> template() {
		return context.getBean(KafkaTemplate.class);
	}

	private static OrdersListener listener() {
		return context.getBean(OrdersListener.class);
	}

	private static MessageContexts contexts() {
		return context.getBean(MessageContexts.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class KafkaApplication {

		@Bean
		OrdersListener ordersListener() {
			return new OrdersListener();
		}

		@Bean
		ImportsListener importsListener() {
			return new ImportsListener();
		}

		@Bean
		DefaultErrorHandler kafkaErrorHandler() {
			return new DefaultErrorHandler(new FixedBackOff(0, 1));
		}

	}

	static class OrdersListener {

		private static final Logger logger = LoggerFactory.getLogger(OrdersListener.class);

		private volatile CountDownLatch received = new CountDownLatch(1);

		void reset(int records) {
			this.received = new CountDownLatch(records);
		}

		void await() throws InterruptedException {
			assertThat(this.received.await(30, TimeUnit.SECONDS)).as("records received").isTrue();
		}

		@KafkaListener(id = "orders-listener", topics = ORDERS)
		void receive(ConsumerRecord<String, String> record) {
			logger.info("order received {}", record.value());
			this.received.countDown();
			if (record.value().equals("poison")) {
				throw new IllegalArgumentException("poison pill");
			}
		}

	}

	static class ImportsListener {

		private static final Logger logger = LoggerFactory.getLogger(ImportsListener.class);

		@KafkaListener(id = "imports-listener", topics = IMPORTS, batch = "true")
		void receive(List<String> rows) {
			logger.info("imported {} rows", rows.size());
		}

	}

}
