package io.fluxtail.logging.encoder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.lines.LogfmtParser;
import io.fluxtail.lines.LogfmtParser.Pair;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.testsupport.LogLines;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values whose serialization throws, {@link Error}s included: the logging call never sees it, the
 * event is written as the minimal line carrying the contract, and the failure is counted as such.
 */
class FluxtailEncoderFailureTests {

	private final TestEvents events = new TestEvents();

	private final ContractStats stats = new ContractStats();

	private final FieldContract contract = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.build();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "AssertionError", "OutOfMemoryError", "StackOverflowError", "IllegalStateException",
			"self-containing Object[]" })
	void aValueThatThrowsGivesTheMinimalLineWithTheContractAndIsCounted(String failure) {
		FluxtailEncoder encoder = this.events.encoder(LogFormat.JSON, this.contract, this.stats);
		LoggingEvent event = tracedEvent("payment captured");
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		event.addKeyValuePair(new KeyValuePair("payment", brokenValue(failure)));
		JsonNode line = LogLines.parse(TestEvents.encode(encoder, event));
		assertThat(line.get(CoreFields.MESSAGE).asString()).isEqualTo("payment captured");
		assertThat(line.get(CoreFields.LEVEL).asString()).isEqualTo("WARN");
		assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo("checkout-api");
		assertThat(line.get(CoreFields.ENV).asString()).isEqualTo("prod");
		assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo("req-9f2c");
		assertThat(line.get(CoreFields.TRACE_ID).asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(line.get(CoreFields.SPAN_ID).asString()).isEqualTo("00f067aa0ba902b7");
		assertThat(line.get(FluxtailEncoder.ENCODER_ERROR).asString()).isNotEmpty();
		assertThat(line.has("order_id")).isFalse();
		assertThat(this.stats.encoderErrors()).isEqualTo(1);
		assertThat(this.stats.serializationFailures()).isEqualTo(1);
		// the next event is written in full
		LoggingEvent next = tracedEvent("refund issued");
		next.addKeyValuePair(new KeyValuePair("order_id", 4922));
		assertThat(LogLines.parse(TestEvents.encode(encoder, next)).get("order_id").asInt()).isEqualTo(4922);
	}

	@Test
	void theMinimalLogfmtLineCarriesTheContractToo() {
		FluxtailEncoder encoder = this.events.encoder(LogFormat.LOGFMT, this.contract, this.stats);
		LoggingEvent event = tracedEvent("payment captured");
		event.addKeyValuePair(new KeyValuePair("payment", brokenValue("AssertionError")));
		Map<String, String> line = pairs(TestEvents.encode(encoder, event));
		assertThat(line).containsEntry(CoreFields.SERVICE, "checkout-api")
			.containsEntry(CoreFields.ENV, "prod")
			.containsEntry(CoreFields.REQUEST_ID, "req-9f2c")
			.containsEntry(CoreFields.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736")
			.containsEntry(FluxtailEncoder.ENCODER_ERROR, AssertionError.class.getName());
	}

	@Test
	void aStructuredArgumentOrMarkerThatFailsIsLeftOutAndCountedAsASerializationFailure() {
		FluxtailEncoder encoder = this.events.encoder(LogFormat.JSON, this.contract, this.stats);
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "order {} {}",
				StructuredArguments.value("payment", brokenValue("AssertionError")),
				StructuredArguments.kv("currency", "EUR"));
		event.addMarker(Markers.append("card", brokenValue("IllegalStateException")));
		JsonNode line = LogLines.parse(TestEvents.encode(encoder, event));
		assertThat(line.has(FluxtailEncoder.ENCODER_ERROR)).isFalse();
		assertThat(line.has("payment")).isFalse();
		assertThat(line.has("card")).isFalse();
		assertThat(line.get("currency").asString()).isEqualTo("EUR");
		assertThat(this.stats.serializationFailures()).isEqualTo(2);
		assertThat(this.stats.conflictsDropped()).isZero();
		assertThat(this.stats.encoderErrors()).isZero();
	}

	private LoggingEvent tracedEvent(String message) {
		LoggingEvent event = this.events.event("checkout.api", Level.WARN, message);
		event.setMDCPropertyMap(Map.of(CoreFields.REQUEST_ID, "req-9f2c", CoreFields.TRACER_TRACE_ID,
				"4bf92f3577b34da6a3ce929d0e0e4736", CoreFields.TRACER_SPAN_ID, "00f067aa0ba902b7"));
		return event;
	}

	private static Map<String, String> pairs(String line) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (Pair pair : LogfmtParser.parse(line.strip())) {
			pairs.put(pair.key(), pair.value());
		}
		return pairs;
	}

	static Object brokenValue(String failure) {
		return switch (failure) {
			case "AssertionError" -> new Throws(() -> new AssertionError("getter asserts"));
			case "OutOfMemoryError" -> new Throws(() -> new OutOfMemoryError("Java heap space"));
			case "StackOverflowError" -> new Throws(StackOverflowError::new);
			case "IllegalStateException" -> new Throws(() -> new IllegalStateException("cannot read"));
			default -> {
				Object[] self = new Object[2];
				self[0] = "card";
				self[1] = self;
				yield self;
			}
		};
	}

	/**
	 * A bean whose getter throws.
	 */
	static final class Throws {

		private final Supplier<Throwable> failure;

		Throws(Supplier<Throwable> failure) {
			this.failure = failure;
		}

		public String getState() {
			Throwable failure = this.failure.get();
			if (failure instanceof Error error) {
				throw error;
			}
			throw (RuntimeException) failure;
		}

	}

}
