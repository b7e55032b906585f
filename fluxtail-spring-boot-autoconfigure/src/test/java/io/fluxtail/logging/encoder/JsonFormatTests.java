package io.fluxtail.logging.encoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.testsupport.LogLines;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON line: one object per event, contract fields first and in order, business fields typed,
 * no duplicate keys.
 */
class JsonFormatTests {

	/** Rejects any line with a duplicate key, which the contract forbids. */
	private final TestEvents events = new TestEvents();

	private final ContractStats stats = new ContractStats();

	private final FieldContract contract = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.build();

	private final FluxtailEncoder encoder = this.events.encoder(LogFormat.JSON, this.contract, this.stats);

	@Test
	void writesTheContractFieldsFirstInContractOrder() {
		JsonNode line = encode(this.events.event("checkout.api", Level.INFO, "checkout started"));
		assertThat(fieldNames(line)).containsExactly(CoreFields.TIMESTAMP, CoreFields.LEVEL, CoreFields.LOGGER,
				CoreFields.THREAD, CoreFields.MESSAGE, CoreFields.SERVICE, CoreFields.ENV, CoreFields.REQUEST_ID);
		assertThat(line.get(CoreFields.TIMESTAMP).asString()).isEqualTo("2026-04-24T10:14:03.125Z");
		assertThat(line.get(CoreFields.LEVEL).asString()).isEqualTo("INFO");
		assertThat(line.get(CoreFields.LOGGER).asString()).isEqualTo("checkout.api");
		assertThat(line.get(CoreFields.THREAD).asString()).isEqualTo("main");
		assertThat(line.get(CoreFields.MESSAGE).asString()).isEqualTo("checkout started");
		assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo("checkout-api");
		assertThat(line.get(CoreFields.ENV).asString()).isEqualTo("prod");
	}

	@Test
	void timestampIsUtcWithZeroPaddedMilliseconds() {
		LoggingEvent event = this.events.event("a", Level.INFO, "m");
		event.setTimeStamp(TestEvents.TIME.toEpochMilli() - 120);
		assertThat(encode(event).get(CoreFields.TIMESTAMP).asString()).isEqualTo("2026-04-24T10:14:03.005Z");
	}

	@Test
	void requiredFieldsWithoutValueAreWrittenAsDashAndCounted() {
		FluxtailEncoder bare = this.events.encoder(LogFormat.JSON, FieldContract.builder().build(), this.stats);
		JsonNode line = encode(bare, this.events.event("a", Level.INFO, "m"));
		assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo(CoreFields.MISSING);
		assertThat(line.get(CoreFields.ENV).asString()).isEqualTo(CoreFields.MISSING);
		assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo(CoreFields.MISSING);
		assertThat(this.stats.defaultsApplied()).containsEntry(CoreFields.SERVICE, 1L)
			.containsEntry(CoreFields.ENV, 1L)
			.containsEntry(CoreFields.REQUEST_ID, 1L);
	}

	@Test
	void optionalFieldsAreWrittenOnlyWhenSet() {
		FieldContract withRegion = FieldContract.builder()
			.value(CoreFields.REGION, "eu-west-1")
			.value(CoreFields.INSTANCE, "checkout-7d9f")
			.extraField("team", "payments")
			.build();
		JsonNode line = encode(this.events.encoder(LogFormat.JSON, withRegion, this.stats),
				this.events.event("a", Level.INFO, "m"));
		assertThat(line.get(CoreFields.REGION).asString()).isEqualTo("eu-west-1");
		assertThat(line.get(CoreFields.INSTANCE).asString()).isEqualTo("checkout-7d9f");
		assertThat(line.get("team").asString()).isEqualTo("payments");
		assertThat(line.has(CoreFields.VERSION)).isFalse();
		assertThat(line.has(CoreFields.WORKER)).isFalse();
		assertThat(line.has(CoreFields.TRACE_ID)).isFalse();
	}

	@Test
	void requestIdAndTraceContextComeFromTheMdcWithoutTracerKeysWrittenTwice() {
		LoggingEvent event = this.events.event("a", Level.INFO, "m");
		event.setMDCPropertyMap(Map.of(CoreFields.REQUEST_ID, "req-9f2c", CoreFields.TRACER_TRACE_ID,
				"4bf92f3577b34da6a3ce929d0e0e4736", CoreFields.TRACER_SPAN_ID, "00f067aa0ba902b7"));
		JsonNode line = encode(event);
		assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo("req-9f2c");
		assertThat(line.get(CoreFields.TRACE_ID).asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(line.get(CoreFields.SPAN_ID).asString()).isEqualTo("00f067aa0ba902b7");
		assertThat(line.has(CoreFields.TRACER_TRACE_ID)).isFalse();
		assertThat(line.has(CoreFields.TRACER_SPAN_ID)).isFalse();
	}

	@Test
	void businessFieldsKeepTheirJsonTypes() {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "order accepted {}",
				StructuredArguments.kv("payment_method", "card"));
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		event.addKeyValuePair(new KeyValuePair("total", 129.99));
		event.addKeyValuePair(new KeyValuePair("express", true));
		event.addKeyValuePair(new KeyValuePair("items", List.of("sku-1", "sku-2")));
		event.addMarker(Markers.append("tenant_id", 77L));
		event.setMDCPropertyMap(Map.of("customer_tier", "gold"));
		JsonNode line = encode(event);
		assertThat(line.get("order_id").isInt()).isTrue();
		assertThat(line.get("order_id").asInt()).isEqualTo(4921);
		assertThat(line.get("total").asDouble()).isEqualTo(129.99);
		assertThat(line.get("express").isBoolean()).isTrue();
		assertThat(line.get("items").get(1).asString()).isEqualTo("sku-2");
		assertThat(line.get("payment_method").asString()).isEqualTo("card");
		assertThat(line.get("tenant_id").isNumber()).isTrue();
		assertThat(line.get("customer_tier").asString()).isEqualTo("gold");
		assertThat(line.get(CoreFields.MESSAGE).asString()).isEqualTo("order accepted payment_method=card");
	}

	@Test
	void structuredArgumentWithSeveralEntriesAddsEachAsAField() {
		Map<String, Object> entries = new LinkedHashMap<>();
		entries.put("order_id", 4921);
		entries.put("currency", "EUR");
		JsonNode line = encode(this.events.event("a", Level.INFO, "order", StructuredArguments.entries(entries)));
		assertThat(line.get("order_id").asInt()).isEqualTo(4921);
		assertThat(line.get("currency").asString()).isEqualTo("EUR");
	}

	@Test
	void applicationFieldsCannotOverwriteOrDuplicateContractFields() {
		LoggingEvent event = this.events.event("a", Level.INFO, "m");
		event.setMDCPropertyMap(Map.of(CoreFields.SERVICE, "spoofed", CoreFields.MESSAGE, "spoofed"));
		event.addKeyValuePair(new KeyValuePair(CoreFields.LEVEL, "DEBUG"));
		event.addKeyValuePair(new KeyValuePair(CoreFields.TIMESTAMP, "1970"));
		event.addKeyValuePair(new KeyValuePair(CoreFields.REQUEST_ID, "forged"));
		JsonNode line = encode(event);
		assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo("checkout-api");
		assertThat(line.get(CoreFields.LEVEL).asString()).isEqualTo("INFO");
		assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo(CoreFields.MISSING);
		assertThat(line.get("mdc." + CoreFields.SERVICE).asString()).isEqualTo("spoofed");
		assertThat(line.get("mdc." + CoreFields.MESSAGE).asString()).isEqualTo("spoofed");
		assertThat(line.get("kv." + CoreFields.LEVEL).asString()).isEqualTo("DEBUG");
		assertThat(line.get("kv." + CoreFields.REQUEST_ID).asString()).isEqualTo("forged");
		assertThat(this.stats.conflictsRenamed()).isEqualTo(5);
	}

	@Test
	void aSecondFieldOfTheSameNameIsRenamedThenDropped() {
		LoggingEvent event = this.events.event("a", Level.INFO, "m", StructuredArguments.kv("order_id", 2),
				StructuredArguments.kv("order_id", 3));
		event.addKeyValuePair(new KeyValuePair("order_id", 1));
		JsonNode line = encode(event);
		assertThat(line.get("order_id").asInt()).isEqualTo(1);
		assertThat(line.get("arg.order_id").asInt()).isEqualTo(2);
		assertThat(this.stats.conflictsRenamed()).isEqualTo(1);
		assertThat(this.stats.conflictsDropped()).isEqualTo(1);
	}

	@Test
	void renamedFieldsUseTheirNewNameAndStayReservedUnderBoth() {
		FieldContract renamed = FieldContract.builder()
			.value(CoreFields.ENV, "prod")
			.outputName(CoreFields.ENV, "environment")
			.outputName(CoreFields.MESSAGE, "msg")
			.build();
		LoggingEvent event = this.events.event("a", Level.INFO, "hello");
		event.setMDCPropertyMap(Map.of(CoreFields.ENV, "x", "environment", "y"));
		JsonNode line = encode(this.events.encoder(LogFormat.JSON, renamed, this.stats), event);
		assertThat(line.get("environment").asString()).isEqualTo("prod");
		assertThat(line.get("msg").asString()).isEqualTo("hello");
		assertThat(line.has(CoreFields.MESSAGE)).isFalse();
		assertThat(line.get("mdc.env").asString()).isEqualTo("x");
		assertThat(line.get("mdc.environment").asString()).isEqualTo("y");
	}

	@Test
	void exceptionIsKeptOnTheSameEventWithBoundedCollapsedStack() {
		IllegalStateException failure = new IllegalStateException("capture failed",
				new UncheckedIOException(new IOException("Read timed out")));
		LoggingEvent event = this.events.event("checkout.api", Level.ERROR, "payment capture failed", failure);
		JsonNode line = encode(event);
		assertThat(line.get(CoreFields.ERROR_TYPE).asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(line.get(CoreFields.ERROR_MESSAGE).asString()).isEqualTo("capture failed");
		String stackTrace = line.get(CoreFields.STACK_TRACE).asString();
		assertThat(stackTrace).startsWith("java.lang.IllegalStateException: capture failed\n\tat ")
			.contains("Caused by: java.io.UncheckedIOException")
			.contains("frames excluded");
		assertThat(stackTrace).doesNotContain("at jdk.internal.reflect.").doesNotContain("at java.lang.reflect.");
	}

	@Test
	void stackDepthPerThrowableIsBounded() {
		StackTraceSettings shallow = new StackTraceSettings(3, StackTraceSettings.DEFAULT_MAX_LENGTH, false, List.of());
		FluxtailEncoder encoder = this.events
			.encoder(new EncoderConfig(LogFormat.JSON, this.contract, shallow, this.stats));
		String stackTrace = encode(encoder, this.events.event("a", Level.ERROR, "m", deepException(40)))
			.get(CoreFields.STACK_TRACE)
			.asString();
		assertThat(stackTrace.lines().filter((frame) -> frame.startsWith("\tat "))).hasSize(3);
		assertThat(stackTrace).contains("frames truncated");
	}

	@Test
	void rootCauseFirstWritesTheRootCauseBeforeTheExceptionsThatWrapIt() {
		StackTraceSettings rootFirst = new StackTraceSettings(StackTraceSettings.DEFAULT_MAX_DEPTH,
				StackTraceSettings.DEFAULT_MAX_LENGTH, true, List.of());
		FluxtailEncoder encoder = this.events
			.encoder(new EncoderConfig(LogFormat.JSON, this.contract, rootFirst, this.stats));
		IllegalStateException wrapped = new IllegalStateException("capture failed",
				new UncheckedIOException(new IOException("read timed out")));
		JsonNode line = encode(encoder, this.events.event("a", Level.ERROR, "m", wrapped));

		String stackTrace = line.get(CoreFields.STACK_TRACE).asString();
		assertThat(stackTrace).startsWith("java.io.IOException: read timed out\n")
			.containsSubsequence("Wrapped by: java.io.UncheckedIOException",
					"Wrapped by: java.lang.IllegalStateException: capture failed", "\tat " + getClass().getName());
		assertThat(line.get(CoreFields.ERROR_TYPE).asString()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void messageWithNewlinesAndQuotesStaysOneLine() {
		String line = TestEvents.encode(this.encoder,
				this.events.event("a", Level.INFO, "line one\nline two \"quoted\" a=b\r\n\u2028end"));
		assertThat(line).endsWith("\n");
		assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n").doesNotContain("\r");
		assertThat(LogLines.parse(line).get(CoreFields.MESSAGE).asString())
			.isEqualTo("line one\nline two \"quoted\" a=b\r\n\u2028end");
	}

	@Test
	void invisibleAndBidirectionalCharactersAreUnicodeEscapesThatReadBackTheSame() {
		LoggingEvent event = this.events.event("a", Level.INFO, "invoice\u202eexe.pdf");
		event.addKeyValuePair(new KeyValuePair("zero\u200bwidth", "del\u007f"));
		event.addKeyValuePair(new KeyValuePair("nested", Map.of("bom\ufeff", List.of("isolate\u2066"))));
		event.addKeyValuePair(new KeyValuePair("object", new TestEvents.Note("shy\u00ad")));
		String line = TestEvents.encode(this.encoder, event);
		assertThat(line).contains("\"message\":\"invoice\\u202eexe.pdf\"", "\"zero\\u200bwidth\":\"del\\u007f\"",
				"\"nested\":{\"bom\\ufeff\":[\"isolate\\u2066\"]}", "\"object\":{\"text\":\"shy\\u00ad\"}");
		JsonNode json = LogLines.parse(line);
		assertThat(json.get(CoreFields.MESSAGE).asString()).isEqualTo("invoice\u202eexe.pdf");
		assertThat(json.get("zero\u200bwidth").asString()).isEqualTo("del\u007f");
		assertThat(json.get("nested").get("bom\ufeff").get(0).asString()).isEqualTo("isolate\u2066");
		assertThat(json.get("object").get("text").asString()).isEqualTo("shy\u00ad");
	}

	@Test
	void aValueThatCannotBeSerializedYieldsAMinimalValidLineInsteadOfThrowing() {
		LoggingEvent event = this.events.event("checkout.api", Level.WARN, "with a broken value");
		event.addKeyValuePair(new KeyValuePair("broken", new Unserializable()));
		JsonNode line = encode(event);
		assertThat(line.get(CoreFields.MESSAGE).asString()).isEqualTo("with a broken value");
		assertThat(line.get(CoreFields.LEVEL).asString()).isEqualTo("WARN");
		assertThat(line.has("encoder_error")).isTrue();
	}

	@Test
	void countsEventsByLevel() {
		encode(this.events.event("a", Level.INFO, "m"));
		encode(this.events.event("a", Level.WARN, "m"));
		encode(this.events.event("a", Level.WARN, "m"));
		assertThat(this.stats.eventsByLevel()).containsEntry("INFO", 1L).containsEntry("WARN", 2L);
	}

	private JsonNode encode(LoggingEvent event) {
		return encode(this.encoder, event);
	}

	private static JsonNode encode(FluxtailEncoder encoder, LoggingEvent event) {
		String line = TestEvents.encode(encoder, event);
		assertThat(line).endsWith("\n").doesNotContain("\r");
		assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
		return LogLines.parse(line);
	}

	private static List<String> fieldNames(JsonNode line) {
		List<String> names = new ArrayList<>();
		line.propertyNames().forEach(names::add);
		return names;
	}

	private static RuntimeException deepException(int depth) {
		if (depth == 0) {
			return new IllegalStateException("deep");
		}
		return deepException(depth - 1);
	}

	static final class Unserializable {

		public String getValue() {
			throw new IllegalStateException("cannot read");
		}

	}

}
