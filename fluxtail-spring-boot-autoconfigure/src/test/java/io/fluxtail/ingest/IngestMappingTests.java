package io.fluxtail.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldKind;
import io.fluxtail.testsupport.LogLines;
import io.fluxtail.testsupport.OtlpServer;
import io.fluxtail.testsupport.OtlpServer.Received;
import io.fluxtail.testsupport.OtlpServer.Shipped;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a console line becomes in OTLP, decoded from the bytes a loopback server received: labels
 * as resource attributes, metadata as record attributes, redacted values as redacted as on the
 * line.
 */
class IngestMappingTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	private final OtlpServer server = server();

	private final FieldContract contract = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.value(CoreFields.VERSION, "1.4.2")
		.value(CoreFields.REGION, "eu-west-1")
		.value(CoreFields.INSTANCE, "checkout-7f9c")
		.extraField("team", "payments")
		.build();

	private IngestFixture fixture;

	@AfterEach
	void stop() {
		if (this.fixture != null) {
			this.fixture.ingest.stop();
		}
		this.server.close();
	}

	@Test
	void labelsBecomeResourceAttributesAndMetadataRecordAttributes() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		LoggingEvent event = this.fixture.event("checkout.api", Level.WARN, "payment declined", Map.of(
				CoreFields.REQUEST_ID, "req-8c1f", CoreFields.TRACER_TRACE_ID, TRACE_ID, CoreFields.TRACER_SPAN_ID,
				SPAN_ID), null);
		event.addKeyValuePair(new KeyValuePair("order_id", "o-42"));
		event.addKeyValuePair(new KeyValuePair("attempt", 3));
		this.fixture.write(event);

		Shipped shipped = this.server.awaitRecord((record) -> record.body().equals("payment declined"));
		assertThat(shipped.resource()).containsExactlyInAnyOrderEntriesOf(Map.of("service.name", "checkout-api",
				"deployment.environment.name", "prod", "service.version", "1.4.2", "cloud.region", "eu-west-1",
				"service.instance.id", "checkout-7f9c", "team", "payments", IngestMapping.STREAM_ATTRIBUTE, "checkout"));
		assertThat(shipped.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(CoreFields.REQUEST_ID, "req-8c1f",
				"thread.name", "http-nio-8080-exec-1", "order_id", "o-42", "attempt", 3L));
		assertThat(shipped.scope()).isEqualTo("checkout.api");
		assertThat(shipped.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
		assertThat(shipped.record().getSeverityText()).isEqualTo("WARN");
		assertThat(shipped.record().getTimeUnixNano()).isEqualTo(IngestFixture.TIME.toEpochMilli() * 1_000_000L);
		assertThat(hex(shipped.record().getTraceId().toByteArray())).isEqualTo(TRACE_ID);
		assertThat(hex(shipped.record().getSpanId().toByteArray())).isEqualTo(SPAN_ID);
	}

	@Test
	void aTraceIdWithoutASpanIdShipsAlone() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		String line = this.fixture.write(this.fixture.event("checkout.api", Level.INFO, "traced, no span",
				Map.of(CoreFields.TRACER_TRACE_ID, TRACE_ID), null));
		assertThat(LogLines.parse(line).get(CoreFields.TRACE_ID).asString()).isEqualTo(TRACE_ID);

		Shipped shipped = this.server.awaitRecord((record) -> record.body().equals("traced, no span"));
		assertThat(hex(shipped.record().getTraceId().toByteArray())).isEqualTo(TRACE_ID);
		assertThat(shipped.record().getSpanId().isEmpty()).isTrue();
	}

	@Test
	void idsThatAreNotW3cIdsAreLeftOut() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		this.fixture.write(this.fixture.event("checkout.api", Level.INFO, "made-up ids",
				Map.of(CoreFields.TRACER_TRACE_ID, "not-a-trace", CoreFields.TRACER_SPAN_ID, SPAN_ID), null));

		Shipped shipped = this.server.awaitRecord((record) -> record.body().equals("made-up ids"));
		assertThat(shipped.record().getTraceId().isEmpty()).isTrue();
		assertThat(shipped.record().getSpanId().isEmpty()).isTrue();
	}

	@Test
	void valuesKeepTheirTypeWhateverTypeTheSameNameHadBefore() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		LoggingEvent typed = this.fixture.event("checkout.api", Level.INFO, "typed", Map.of(), null);
		typed.addKeyValuePair(new KeyValuePair("attempt", 3));
		typed.addKeyValuePair(new KeyValuePair("retried", true));
		typed.addKeyValuePair(new KeyValuePair("ratio", 0.25));
		this.fixture.write(typed);
		LoggingEvent retyped = this.fixture.event("checkout.api", Level.INFO, "retyped", Map.of(), null);
		retyped.addKeyValuePair(new KeyValuePair("attempt", "third"));
		retyped.addKeyValuePair(new KeyValuePair("retried", "no"));
		this.fixture.write(retyped);

		assertThat(this.server.awaitRecord((record) -> record.body().equals("typed")).attributes())
			.containsEntry("attempt", 3L)
			.containsEntry("retried", true)
			.containsEntry("ratio", 0.25);
		assertThat(this.server.awaitRecord((record) -> record.body().equals("retyped")).attributes())
			.containsEntry("attempt", "third")
			.containsEntry("retried", "no");
	}

	@Test
	void mapsAndListsShipAsTheJsonTheLineShows() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		LoggingEvent event = this.fixture.event("checkout.api", Level.INFO, "nested", Map.of(), null);
		Map<String, Object> cart = new LinkedHashMap<>();
		cart.put("sku", "A-1");
		cart.put("qty", 2);
		event.addKeyValuePair(new KeyValuePair("cart", cart));
		event.addKeyValuePair(new KeyValuePair("tags", List.of("gift", 3)));
		JsonNode line = LogLines.parse(this.fixture.write(event));

		Shipped shipped = this.server.awaitRecord((record) -> record.body().equals("nested"));
		assertThat(shipped.attributes()).containsEntry("cart", "{\"sku\":\"A-1\",\"qty\":2}")
			.containsEntry("tags", "[\"gift\",3]");
		assertThat(shipped.attributes().get("cart")).isEqualTo(line.get("cart").toString());
	}

	@Test
	void exceptionsBecomeExceptionAttributes() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		this.fixture.write(this.fixture.event("checkout.api", Level.ERROR, "charge failed", Map.of(),
				new IllegalStateException("gateway timeout")));

		Shipped shipped = this.server.awaitRecord((record) -> record.body().equals("charge failed"));
		assertThat(shipped.attributes()).containsEntry("exception.type", "java.lang.IllegalStateException")
			.containsEntry("exception.message", "gateway timeout");
		assertThat((String) shipped.attributes().get("exception.fingerprint")).matches("[0-9a-f]{16}");
		assertThat((String) shipped.attributes().get("exception.stacktrace"))
			.startsWith("java.lang.IllegalStateException: gateway timeout");
		assertThat(shipped.record().getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
	}

	@Test
	void redactedValuesShipExactlyAsTheLineWritesThem() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		LoggingEvent event = this.fixture.event("checkout.api", Level.INFO, "paid with card 4111 1111 1111 1111",
				Map.of(), null);
		event.addKeyValuePair(new KeyValuePair("password", "hunter2-hunter2"));
		JsonNode line = LogLines.parse(this.fixture.write(event));

		Shipped shipped = this.server.awaitRecord((record) -> record.body().startsWith("paid with card"));
		assertThat(shipped.body()).isEqualTo(line.get(CoreFields.MESSAGE).asString()).doesNotContain("4111 1111");
		assertThat(shipped.attributes().get("password")).isEqualTo(line.get("password").asString())
			.isNotEqualTo("hunter2-hunter2");
		List<Received> requests = this.server.received();
		assertThat(requests).allSatisfy((request) -> assertThat(request.request().toString())
			.doesNotContain("4111 1111 1111 1111", "hunter2-hunter2"));
	}

	@Test
	void theApiKeyIsSentAsBearerToken() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		this.fixture.writeInfo("key check");

		this.server.awaitRecord((record) -> record.body().equals("key check"));
		assertThat(this.server.received().get(0).authorization()).isEqualTo("Bearer " + IngestFixture.API_KEY);
		assertThat(this.server.received().get(0).contentType()).isEqualTo("application/x-protobuf");
	}

	@Test
	void aFieldMadeALabelIsAResourceAttributeAndAHighCardinalityOneIsReported() throws Exception {
		this.fixture = shipEachEvent(Map.of(CoreFields.REQUEST_ID, FieldKind.LABEL, CoreFields.VERSION,
				FieldKind.METADATA, "tenant", FieldKind.LABEL));
		LoggingEvent event = this.fixture.event("checkout.api", Level.INFO, "relabelled",
				Map.of(CoreFields.REQUEST_ID, "req-1", "tenant", "acme"), null);
		this.fixture.write(event);

		Shipped shipped = this.server.awaitRecord((record) -> record.body().equals("relabelled"));
		assertThat(shipped.resource()).containsEntry(CoreFields.REQUEST_ID, "req-1")
			.containsEntry("tenant", "acme")
			.doesNotContainKey("service.version");
		assertThat(shipped.attributes()).containsEntry("service.version", "1.4.2")
			.doesNotContainKeys(CoreFields.REQUEST_ID, "tenant");
		assertThat(new IngestMapping(this.contract, Map.of(CoreFields.REQUEST_ID, FieldKind.LABEL), "checkout")
			.highCardinalityLabels()).containsExactly(CoreFields.REQUEST_ID);
	}

	@Test
	void fieldsWithAPlaceOfTheirOwnKeepIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IngestMapping(this.contract, Map.of(CoreFields.LEVEL, FieldKind.METADATA), "s"))
			.withMessageContaining("'level' has a place of its own");
	}

	@Test
	void eventsBelowTheMinimumLevelStayLocalButCompletionEventsShip() throws Exception {
		this.fixture = shipEachEvent(Map.of());
		this.fixture.write(this.fixture.event("checkout.api", Level.DEBUG, "debug detail", Map.of(), null));
		this.fixture.write(this.fixture.event("io.fluxtail.request", Level.DEBUG, "request completed", Map.of(), null));
		this.fixture.writeInfo("after");

		this.server.awaitRecord((record) -> record.body().equals("after"));
		assertThat(this.server.accepted()).extracting(Shipped::body).contains("request completed")
			.doesNotContain("debug detail");
	}

	private static String hex(byte[] bytes) {
		StringBuilder hex = new StringBuilder();
		for (byte b : bytes) {
			hex.append(String.format("%02x", b));
		}
		return hex.toString();
	}

	private static OtlpServer server() {
		try {
			return new OtlpServer();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Ships each event in a batch of its own, with the given field kinds. */
	private IngestFixture shipEachEvent(Map<String, FieldKind> kinds) {
		return new IngestFixture(this.contract, kinds, this.server.url(), IngestFixture.settings(1, Duration.ofMillis(50)));
	}

}
