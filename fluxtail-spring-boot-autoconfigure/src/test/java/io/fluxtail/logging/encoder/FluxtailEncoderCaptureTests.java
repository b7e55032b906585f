package io.fluxtail.logging.encoder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.testsupport.LogLines;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FluxtailEncoder#capture}, what queue-backed output runs on the caller's thread: the line
 * encoded later from the captured event is the line encoded at the call, byte for byte, whatever
 * the application does to its values afterwards.
 */
class FluxtailEncoderCaptureTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final TestEvents events = new TestEvents();

	private final ContractStats stats = new ContractStats();

	static Stream<Arguments> values() {
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("sku", "sku-1");
		nested.put("quantity", 2);
		nested.put("tags", List.of("gift", "express"));
		nested.put("price", new BigDecimal("19.90"));
		Object[] array = { "card", 3, null, 1.5 };
		return Stream.of(Arguments.of("record", new Payment("card", 129.99, 1.1f, new BigDecimal("129.990"), 12999L,
				"caf\u00e9 \"quoted\" \u2028 line", Instant.parse("2026-04-24T10:14:03.125Z"), List.of(1, 2), nested)),
				Arguments.of("map", nested), Arguments.of("list", new ArrayList<>(List.of("a", 1, true))),
				Arguments.of("int[]", new int[] { 1, 2, 3 }), Arguments.of("Object[]", array),
				Arguments.of("set", new TreeSet<>(Set.of("b", "a"))), Arguments.of("optional", Optional.of("x")),
				Arguments.of("AtomicLong", new AtomicLong(42)), Arguments.of("StringBuilder", new StringBuilder("sb")),
				Arguments.of("enum", Tier.GOLD),
				Arguments.of("UUID", UUID.fromString("6f1c1b5e-2f6a-4c1e-9b7a-1c2d3e4f5a6b")),
				Arguments.of("LocalDate", LocalDate.of(2026, 4, 24)),
				Arguments.of("Date", new Date(1_777_000_000_125L)),
				Arguments.of("BigDecimal", new BigDecimal("1.10")), Arguments.of("float", 1.1f));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("values")
	void aCapturedLineIsTheLineEncodedAtTheCall(String name, Object value) {
		for (LogFormat format : LogFormat.values()) {
			FluxtailEncoder encoder = this.events.encoder(format, FieldContract.builder().build(), this.stats);
			String atTheCall = TestEvents.encode(encoder, event(value));
			assertThat(encode(encoder, encoder.capture(event(value)))).as(format.name()).isEqualTo(atTheCall);
			if (format == LogFormat.JSON) {
				// and says what Jackson says of the value itself
				assertThat(LogLines.parse(atTheCall).get("value"))
					.isEqualTo(MAPPER.readTree(MAPPER.writeValueAsString(value)));
			}
		}
	}

	@Test
	void aValueChangedAfterTheCallIsWrittenAsItWasAtTheCall() {
		FluxtailEncoder encoder = this.events.encoder(LogFormat.JSON, FieldContract.builder().build(), this.stats);
		Map<String, Object> cart = new LinkedHashMap<>();
		cart.put("state", "open");
		List<String> items = new ArrayList<>(List.of("sku-1"));
		Map<String, Object> argument = new LinkedHashMap<>(Map.of("step", 1));
		AtomicInteger attempts = new AtomicInteger(1);
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "checkout {}",
				StructuredArguments.entries(argument));
		event.addKeyValuePair(new KeyValuePair("cart", cart));
		event.addKeyValuePair(new KeyValuePair("items", items));
		event.addMarker(Markers.append("attempts", attempts));
		ILoggingEvent captured = encoder.capture(event);
		cart.put("state", "paid");
		items.add("sku-2");
		argument.put("step", 2);
		attempts.incrementAndGet();
		JsonNode line = LogLines.parse(encode(encoder, captured));
		assertThat(line.get("cart").get("state").asString()).isEqualTo("open");
		assertThat(line.get("items")).hasSize(1);
		assertThat(line.get("step").asInt()).isEqualTo(1);
		assertThat(line.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void aFailingValueIsReadOnlyOnTheCallersThreadAndGivesTheSynchronousMinimalLine() {
		FluxtailEncoder encoder = this.events.encoder(LogFormat.JSON, FieldContract.builder().build(), this.stats);
		CountingGetter value = new CountingGetter();
		String atTheCall = TestEvents.encode(encoder, event(value));
		assertThat(value.reads).hasValue(1);
		ILoggingEvent captured = encoder.capture(event(value));
		assertThat(value.reads).hasValue(2);
		String later = encode(encoder, captured);
		assertThat(value.reads).hasValue(2);
		assertThat(later).isEqualTo(atTheCall).contains(FluxtailEncoder.ENCODER_ERROR);
		assertThat(this.stats.serializationFailures()).isEqualTo(2);
		assertThat(this.stats.encoderErrors()).isEqualTo(2);
	}

	@Test
	void anEventWhoseFieldsCannotChangeIsLeftAsItIs() {
		FluxtailEncoder encoder = this.events.encoder(LogFormat.JSON, FieldContract.builder().build(), this.stats);
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "order {} accepted for {}", 4921, "EUR");
		assertThat(encoder.capture(event)).isSameAs(event);
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		event.addKeyValuePair(new KeyValuePair("currency", "EUR"));
		event.addKeyValuePair(new KeyValuePair("at", Instant.parse("2026-04-24T10:14:03.125Z")));
		event.addKeyValuePair(new KeyValuePair("tier", Tier.GOLD));
		assertThat(encoder.capture(event)).isSameAs(event);
		event.addKeyValuePair(new KeyValuePair("items", new ArrayList<>(List.of("sku-1"))));
		assertThat(encoder.capture(event)).isNotSameAs(event);
	}

	private LoggingEvent event(Object value) {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "order {} accepted", 4921);
		event.addKeyValuePair(new KeyValuePair("value", value));
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		return event;
	}

	private static String encode(FluxtailEncoder encoder, ILoggingEvent event) {
		return new String(encoder.encode(event), StandardCharsets.UTF_8);
	}

	enum Tier {

		GOLD

	}

	record Payment(String method, double total, float rate, BigDecimal exact, long cents, String note, Instant at,
			List<Integer> parts, Map<String, Object> line) {

	}

	/**
	 * A bean whose getter counts its reads, then throws.
	 */
	static final class CountingGetter {

		final AtomicInteger reads = new AtomicInteger();

		public String getState() {
			this.reads.incrementAndGet();
			throw new AssertionError("getter asserts");
		}

	}

}
