package io.fluxtail.logging.encoder;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.testsupport.LogLines;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fluxtail.schema=ecs}: the same contract under Elastic Common Schema names, as flat dotted
 * keys in the order the ecs-logging specification recommends.
 */
class EcsSchemaTests {

	private final TestEvents events = new TestEvents();

	private final ContractStats stats = new ContractStats();

	private final FieldContract contract = FieldContract.builder()
		.schema(Schema.ECS)
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.value(CoreFields.VERSION, "1.4.2")
		.value(CoreFields.INSTANCE, "checkout-7d9f")
		.value(CoreFields.REGION, "eu-west-1")
		.value(CoreFields.WORKER, "api")
		.build();

	private final FluxtailEncoder encoder = this.events.encoder(LogFormat.JSON, this.contract, this.stats);

	@Test
	void writesTheContractUnderEcsNames() {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "checkout started");
		event.setMDCPropertyMap(Map.of(CoreFields.REQUEST_ID, "req-9f2c", CoreFields.TRACER_TRACE_ID,
				"4bf92f3577b34da6a3ce929d0e0e4736", CoreFields.TRACER_SPAN_ID, "00f067aa0ba902b7"));
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		assertThat(TestEvents.encode(this.encoder, event)).isEqualTo("{\"@timestamp\":\"2026-04-24T10:14:03.125Z\","
				+ "\"log.level\":\"INFO\",\"message\":\"checkout started\",\"log.logger\":\"checkout.api\","
				+ "\"process.thread.name\":\"main\",\"ecs.version\":\"8.11\",\"service.name\":\"checkout-api\","
				+ "\"service.environment\":\"prod\",\"http.request.id\":\"req-9f2c\","
				+ "\"trace.id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span.id\":\"00f067aa0ba902b7\","
				+ "\"cloud.region\":\"eu-west-1\",\"service.version\":\"1.4.2\",\"service.node.name\":\"checkout-7d9f\","
				+ "\"labels.worker\":\"api\",\"order_id\":4921}\n");
	}

	@Test
	void theRequestCompletionEventHasEcsHttpFieldsAndItsDurationInNanoseconds() {
		LoggingEvent event = this.events.event("io.fluxtail.request", Level.INFO, "request completed");
		event.addKeyValuePair(new KeyValuePair(CoreFields.HTTP_METHOD, "POST"));
		event.addKeyValuePair(new KeyValuePair(CoreFields.HTTP_ROUTE, "/orders"));
		event.addKeyValuePair(new KeyValuePair(CoreFields.HTTP_STATUS, 201));
		event.addKeyValuePair(new KeyValuePair(CoreFields.DURATION_MS, 152L));
		event.addKeyValuePair(new KeyValuePair(CoreFields.OUTCOME, "SUCCESS"));
		JsonNode line = LogLines.parse(TestEvents.encode(this.encoder, event));
		assertThat(line.get("http.request.method").asString()).isEqualTo("POST");
		assertThat(line.get("http.route").asString()).isEqualTo("/orders");
		assertThat(line.get("http.response.status_code").asInt()).isEqualTo(201);
		assertThat(line.get("event.duration").asLong()).isEqualTo(152_000_000L);
		assertThat(line.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(line.has(CoreFields.DURATION_MS)).isFalse();
	}

	@Test
	void ecsNamesAreReservedAndDefaultsAreCountedUnderThem() {
		FluxtailEncoder bare = this.events.encoder(LogFormat.JSON, FieldContract.builder().schema(Schema.ECS).build(),
				this.stats);
		LoggingEvent event = this.events.event("a", Level.INFO, "m");
		event.addKeyValuePair(new KeyValuePair("log.level", "DEBUG"));
		event.addKeyValuePair(new KeyValuePair("ecs.version", "1.0"));
		event.setMDCPropertyMap(Map.of("service.name", "spoofed"));
		JsonNode line = LogLines.parse(TestEvents.encode(bare, event));
		assertThat(line.get("log.level").asString()).isEqualTo("INFO");
		assertThat(line.get("ecs.version").asString()).isEqualTo("8.11");
		assertThat(line.get("service.name").asString()).isEqualTo(CoreFields.MISSING);
		assertThat(line.get("kv.log.level").asString()).isEqualTo("DEBUG");
		assertThat(line.get("kv.ecs.version").asString()).isEqualTo("1.0");
		assertThat(line.get("mdc.service.name").asString()).isEqualTo("spoofed");
		assertThat(this.stats.defaultsApplied()).containsOnlyKeys("service.name", "service.environment",
				"http.request.id");
	}

	@Test
	void anExceptionIsWrittenAsEcsErrorFields() {
		LoggingEvent event = this.events.event("checkout.api", Level.ERROR, "payment capture failed",
				new IllegalStateException("capture failed"));
		JsonNode line = LogLines.parse(TestEvents.encode(this.encoder, event));
		assertThat(line.get("error.type").asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(line.get("error.message").asString()).isEqualTo("capture failed");
		assertThat(line.get("error.stack_trace").asString()).startsWith("java.lang.IllegalStateException: capture failed");
	}

}
