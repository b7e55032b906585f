package io.fluxtail.logging.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.lines.LogfmtParser;
import io.fluxtail.lines.LogfmtParser.Pair;
import io.fluxtail.lines.TextLine;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.contract.Source;
import io.fluxtail.testsupport.LogLines;
import net.logstash.logback.argument.StructuredArguments;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events built to break a line, run through every format and both schemas. Whatever the message,
 * the keys or the values hold:
 * <ul>
 * <li>every format writes exactly one line, with no raw control, invisible or bidirectional
 * character ({@link #UNSAFE}) that a terminal could take for a line break, hide or use to
 * reorder the text;</li>
 * <li>the JSON line has no duplicate key; under ECS it carries the ecs-logging specification's
 * required fields, with its types and its order;</li>
 * <li>the logfmt line, read by a parser with go-logfmt's grammar, holds exactly the JSON line's
 * fields: the same names (keys percent-decoded) and the string forms of the same values, null
 * told apart from empty;</li>
 * <li>the text line is the time, level and logger, the contract fields with the JSON line's
 * values, the message exactly, then the other fields.</li>
 * </ul>
 */
class TrickyEventsTests {

	private static final TestEvents EVENTS = new TestEvents();

	/**
	 * DEL, a C1 control, the line and paragraph separators, and the characters that are invisible
	 * or reorder text: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width
	 * characters and direction marks, embeddings and overrides, word joiner and invisible
	 * operators, isolates, byte order mark, interlinear annotation controls.
	 */
	static final String UNSAFE = "\u007f\u0085\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028\u2029"
			+ "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
			+ "\ufff9\ufffa\ufffb";

	private static final JsonNode ECS_SPEC = ecsSpec();

	static Stream<Arguments> trickyEventsUnderBothSchemas() {
		List<Arguments> arguments = new ArrayList<>();
		for (Schema schema : Schema.values()) {
			trickyEvents().forEach((name, event) -> arguments.add(Arguments.of(schema, name, event)));
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("trickyEventsUnderBothSchemas")
	void everyFormatWritesOneLineWithTheSameFields(Schema schema, String name,
			Function<TestEvents, LoggingEvent> event) {
		FieldContract contract = contract(schema);
		LoggingEvent once = event.apply(EVENTS);
		String json = line(LogFormat.JSON, contract, once);
		String logfmt = line(LogFormat.LOGFMT, contract, once);
		String text = line(LogFormat.TEXT, contract, once);
		Map<String, @Nullable String> fields = JsonLine.stringForms(json);
		if (schema == Schema.ECS) {
			assertCarriesTheEcsSpecRequiredFields(LogLines.parse(json));
		}
		assertLogfmtHoldsExactly(fields, logfmt);
		assertTextHasTheShape(fields, contract, text);
	}

	private static void assertLogfmtHoldsExactly(Map<String, @Nullable String> json, String line) {
		Map<String, @Nullable String> parsed = new LinkedHashMap<>();
		for (Pair pair : LogfmtParser.parse(line)) {
			assertThat(pair.value()).as("every token is a pair: %s", pair.key()).isNotNull();
			assertThat(parsed.containsKey(pair.name())).as("duplicate %s in %s", pair.name(), line).isFalse();
			parsed.put(pair.name(), pair.jsonText());
		}
		assertThat(parsed.keySet()).as(line).containsExactlyInAnyOrderElementsOf(json.keySet());
		json.forEach((name, value) -> assertThat(JsonLine.sameValue(value, parsed.get(name)))
			.as("%s: JSON %s, logfmt %s", name, value, parsed.get(name))
			.isTrue());
	}

	private static void assertTextHasTheShape(Map<String, @Nullable String> json, FieldContract contract,
			String line) {
		Set<String> eventNames = Set.of(contract.outputName(CoreFields.TIMESTAMP),
				contract.outputName(CoreFields.LEVEL), contract.outputName(CoreFields.LOGGER),
				contract.outputName(CoreFields.THREAD), contract.outputName(CoreFields.MESSAGE));
		List<String> contractNames = new ArrayList<>(contract.fields()
			.stream()
			.filter((field) -> !(field.source() instanceof Source.Event))
			.map(FieldSpec::outputName)
			.filter(json::containsKey)
			.toList());
		contractNames.add(contract.outputName(CoreFields.THREAD));
		List<String> restNames = json.keySet()
			.stream()
			.filter((name) -> !eventNames.contains(name) && !contractNames.contains(name))
			.toList();
		TextLine text = TextLine.parse(line, contractNames.size(), restNames);
		assertThat(text.head()).containsExactly(json.get(contract.outputName(CoreFields.TIMESTAMP)),
				json.get(contract.outputName(CoreFields.LEVEL)), json.get(contract.outputName(CoreFields.LOGGER)));
		assertThat(text.contract().stream().map(Pair::name)).containsExactlyElementsOf(contractNames);
		text.contract().forEach((pair) -> assertThat(pair.jsonText()).isEqualTo(json.get(pair.name())));
		assertThat(text.message()).isEqualTo(json.get(contract.outputName(CoreFields.MESSAGE)));
		text.rest().forEach((pair) -> assertThat(JsonLine.sameValue(json.get(pair.name()), pair.jsonText()))
			.as("%s in %s", pair.name(), line)
			.isTrue());
	}

	/**
	 * Required fields of the ecs-logging specification ({@code spec/spec.json} of
	 * elastic/ecs-logging, Apache 2.0, copied as a test resource) with its types, and its
	 * recommended order for the first fields.
	 */
	private static void assertCarriesTheEcsSpecRequiredFields(JsonNode line) {
		List<String> names = new ArrayList<>();
		line.propertyNames().forEach(names::add);
		ECS_SPEC.get("fields").properties().forEach((entry) -> {
			String field = entry.getKey();
			JsonNode spec = entry.getValue();
			if (spec.get("required").asBoolean()) {
				assertThat(line.has(field)).as("required %s", field).isTrue();
			}
			if (line.has(field)) {
				JsonNode value = line.get(field);
				switch (spec.get("type").asString()) {
					case "datetime" -> assertThat(Instant.parse(value.asString())).isNotNull();
					case "string" -> assertThat(value.isString()).as("%s is a string", field).isTrue();
					case "integer" -> assertThat(value.isIntegralNumber()).as(field).isTrue();
					case "object" -> assertThat(value.isObject()).as(field).isTrue();
					default -> throw new AssertionError("Unknown type in the spec: " + spec);
				}
				if (spec.has("index")) {
					assertThat(names.indexOf(field)).as("position of %s", field).isEqualTo(spec.get("index").asInt());
				}
			}
		});
	}

	/**
	 * The events, by name. Each builds a fresh real Logback event.
	 */
	static Map<String, Function<TestEvents, LoggingEvent>> trickyEvents() {
		Map<String, Function<TestEvents, LoggingEvent>> events = new LinkedHashMap<>();
		events.put("message with = quotes and backslashes",
				(e) -> e.event("checkout.api", Level.INFO, "user=admin said \"hi\" path=C:\\temp\\ \\n not a newline"));
		events.put("message with newlines and a forged event", (e) -> e.event("checkout.api", Level.INFO,
				"line one\nline two\r\n2026-04-24T10:14:03.125Z ERROR fake.logger service=evil request_id=forged"));
		events.put("message with control characters and line separators",
				(e) -> e.event("checkout.api", Level.WARN, "tab\tbell\u0007nul\u0000del\u007fnel\u0085ls\u2028ps\u2029end"));
		events.put("invisible and bidirectional characters everywhere", (e) -> {
			LoggingEvent event = withPairs(e.event("checkout.api", Level.INFO, "refund " + UNSAFE + " approved"),
					"key" + UNSAFE, "value" + UNSAFE, "nested", Map.of("name" + UNSAFE, List.of("item" + UNSAFE)),
					"object", new TestEvents.Note("admin\u202e\u2066txt.exe\u2069"));
			event.setMDCPropertyMap(Map.of("tenant\u200b", "acme\ufeff"));
			return event;
		});
		events.put("non-ASCII message", (e) -> e.event("checkout.api", Level.INFO, "café 日本語 🚀 Ünïcödé"));
		events.put("leading and trailing spaces", (e) -> e.event("checkout.api", Level.INFO, "  padded  message  "));
		events.put("empty message", (e) -> withPairs(e.event("checkout.api", Level.INFO, ""), "order_id", 4921));
		events.put("null, empty and the string null", (e) -> withPairs(e.event("checkout.api", Level.INFO, "nulls"),
				"nothing", null, "empty", "", "literal_null", "null", "spaces", "   "));
		events.put("keys with spaces, =, quotes, % and non-ASCII", (e) -> withPairs(
				e.event("checkout.api", Level.INFO, "odd keys"), "k space", 1, "a=b", 2, "quote\"key", 3, "ключ", 4,
				"50%", 5, "k%20space", 6, "back\\slash", 7, "tab\tkey", 8, "emoji🚀", 9));
		events.put("nested values", (e) -> withPairs(e.event("checkout.api", Level.INFO, "nested {}",
				StructuredArguments.kv("cart", Map.of("items", List.of("sku-1", "sku \"2\"")))), "tags",
				List.of("a", "b=c"), "order", nested(), "matrix", new int[][] { { 1, 2 }, { 3 } }));
		events.put("typed values", (e) -> withPairs(e.event("checkout.api", Level.INFO, "typed"), "total", 129.99,
				"count", 42L, "ratio", 0.5f, "exact", new BigDecimal("12.50"), "express", true, "not_a_number",
				Double.NaN, "big", Long.MAX_VALUE));
		events.put("values that look like contract fields", (e) -> {
			LoggingEvent event = withPairs(
					e.event("checkout.api", Level.INFO, "service=evil level=ERROR request_id=forged message=x"),
					"note", "service=evil level=DEBUG", CoreFields.LEVEL, "DEBUG", CoreFields.REQUEST_ID, "forged",
					"log.level", "TRACE", "@timestamp", "1970-01-01T00:00:00Z", "ecs.version", "0.1");
			event.setMDCPropertyMap(Map.of(CoreFields.SERVICE, "spoofed", CoreFields.REQUEST_ID, "req-9f2c",
					"service.name", "spoofed", "tenant", "acme eu"));
			return event;
		});
		events.put("exception with a multi-line message", (e) -> e.event("checkout.api", Level.ERROR,
				"payment capture failed", new IllegalStateException("capture \"failed\"\nretry=3 service=evil")));
		events.put("request completion fields", (e) -> withPairs(e.event("io.fluxtail.request", Level.INFO,
				"request completed"), CoreFields.HTTP_METHOD, "POST", CoreFields.HTTP_ROUTE, "/orders/{id}",
				CoreFields.HTTP_STATUS, 200, CoreFields.DURATION_MS, 152L, CoreFields.OUTCOME, "SUCCESS"));
		return events;
	}

	private static Map<String, Object> nested() {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("id", 4921);
		order.put("note", "line\nbreak \"quoted\" \\ back");
		order.put("missing", null);
		order.put("lines", List.of(Map.of("sku", "sku-1", "qty", 2)));
		return order;
	}

	private static LoggingEvent withPairs(LoggingEvent event, @Nullable Object... pairs) {
		for (int i = 0; i < pairs.length; i += 2) {
			event.addKeyValuePair(new KeyValuePair((String) pairs[i], pairs[i + 1]));
		}
		return event;
	}

	static FieldContract contract(Schema schema) {
		return FieldContract.builder()
			.schema(schema)
			.value(CoreFields.SERVICE, "checkout-api")
			.value(CoreFields.ENV, "prod")
			.value(CoreFields.VERSION, "1.4.2")
			.value(CoreFields.INSTANCE, "checkout-7d9f")
			.build();
	}

	/**
	 * Encodes the event and checks it is exactly one line, with nothing a terminal could take for
	 * a line break.
	 */
	private static String line(LogFormat format, FieldContract contract, LoggingEvent event) {
		FluxtailEncoder encoder = EVENTS.encoder(format, contract, new ContractStats());
		String line = TestEvents.encode(encoder, event);
		assertThat(line).as(format + " line").endsWith("\n");
		String body = line.substring(0, line.length() - 1);
		assertThat(body).as(format + " line").doesNotContain("\n", "\r");
		assertThat(body.chars()).as(format + " line").noneMatch((c) -> UNSAFE.indexOf(c) >= 0);
		return body;
	}

	private static JsonNode ecsSpec() {
		try (InputStream spec = TrickyEventsTests.class.getResourceAsStream("/ecs/spec.json")) {
			return JsonMapper.shared().readTree(spec);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
