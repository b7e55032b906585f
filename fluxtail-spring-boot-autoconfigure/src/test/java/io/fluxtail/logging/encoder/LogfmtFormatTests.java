package io.fluxtail.logging.encoder;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.encoder.logfmt.LogfmtParser;
import io.fluxtail.logging.encoder.logfmt.LogfmtParser.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logfmt line: the documented human shape, and always exactly one parseable line whatever the
 * message or values contain.
 */
class LogfmtFormatTests {

	private final TestEvents events = new TestEvents();

	private final FieldContract contract = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api", "property:fluxtail.service")
		.value(CoreFields.ENV, "prod", "property:fluxtail.environment")
		.build();

	private final FluxtailEncoder encoder = this.events.encoder(LogFormat.LOGFMT, this.contract, new ContractStats());

	@Test
	void writesTheDocumentedShape() {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "checkout started");
		event.setMDCPropertyMap(Map.of(CoreFields.REQUEST_ID, "req-9f2c"));
		assertThat(TestEvents.encode(this.encoder, event)).isEqualTo(
				"2026-04-24T10:14:03.125Z INFO checkout.api service=checkout-api env=prod request_id=req-9f2c checkout started thread=main\n");
	}

	@Test
	void extraFieldsFollowTheMessageWithTypedValuesAndNestedValuesAsJson() {
		LoggingEvent event = this.events.event("checkout.api", Level.WARN, "gateway latency high");
		event.addKeyValuePair(new KeyValuePair("duration_ms", 1840));
		event.addKeyValuePair(new KeyValuePair("gateway", "acme pay"));
		event.addKeyValuePair(new KeyValuePair("items", List.of("sku-1", "sku-2")));
		String line = TestEvents.encode(this.encoder, event);
		assertThat(line).contains(" gateway latency high thread=main duration_ms=1840 gateway=\"acme pay\" "
				+ "items=\"[\\\"sku-1\\\",\\\"sku-2\\\"]\"\n");
		assertThat(valueOf(parse(line), "items")).isEqualTo("[\"sku-1\",\"sku-2\"]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "forged\n2026-04-24T10:14:03.125Z ERROR fake.logger service=evil forged line",
			"user=admin level=ERROR", "quote \" inside", "trailing space ", " leading space", "double  space",
			"back\\slash", "tab\tcontrol\u0007bell", "unicode line\u2028separator", "caf\u00e9 ok", "" })
	void anyMessageIsOneParseableLineThatCannotForgeFields(String message) {
		String line = TestEvents.encode(this.encoder, this.events.event("checkout.api", Level.INFO, message));
		assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
		assertThat(line).doesNotContain("\r").doesNotContain("\u2028");
		List<Pair> pairs = parse(line);
		assertThat(pairs.get(1).key()).isEqualTo("INFO");
		assertThat(pairs.stream().filter((pair) -> pair.key().equals(CoreFields.LEVEL))).isEmpty();
		assertThat(pairs.stream().filter((pair) -> pair.key().equals(CoreFields.SERVICE)))
			.containsExactly(new Pair(CoreFields.SERVICE, "checkout-api"));
		assertThat(messageOf(pairs)).isEqualTo(message);
	}

	@Test
	void valuesAndKeysThatNeedItAreQuotedOrSanitized() {
		LoggingEvent event = this.events.event("a", Level.INFO, "m");
		event.addKeyValuePair(new KeyValuePair("reason", "bad \"credentials\"\nretry=3"));
		event.addKeyValuePair(new KeyValuePair("odd key=x", "v"));
		event.addKeyValuePair(new KeyValuePair("empty", ""));
		List<Pair> pairs = parse(TestEvents.encode(this.encoder, event));
		assertThat(valueOf(pairs, "reason")).isEqualTo("bad \"credentials\"\nretry=3");
		assertThat(valueOf(pairs, "odd_key_x")).isEqualTo("v");
		assertThat(valueOf(pairs, "empty")).isEmpty();
		assertThat(pairs.stream().filter((pair) -> pair.key().equals("retry"))).isEmpty();
	}

	@Test
	void exceptionStackTraceStaysOnTheEventLine() {
		LoggingEvent event = this.events.event("checkout.api", Level.ERROR, "payment capture failed",
				new IllegalStateException("capture \"failed\"\nnext"));
		String line = TestEvents.encode(this.encoder, event);
		assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
		List<Pair> pairs = parse(line);
		assertThat(valueOf(pairs, CoreFields.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
		assertThat(valueOf(pairs, CoreFields.ERROR_MESSAGE)).isEqualTo("capture \"failed\"\nnext");
		assertThat(valueOf(pairs, CoreFields.STACK_TRACE))
			.startsWith("java.lang.IllegalStateException: capture \"failed\"\nnext\n\tat ");
	}

	static List<Pair> parse(String line) {
		assertThat(line).endsWith("\n");
		return LogfmtParser.parse(line.substring(0, line.length() - 1));
	}

	static String valueOf(List<Pair> pairs, String key) {
		return pairs.stream()
			.filter((pair) -> pair.key().equals(key))
			.map(Pair::value)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + key + " in " + pairs));
	}

	/**
	 * The message is either the run of value-less words after the context fields, or a quoted
	 * {@code message="..."} pair.
	 */
	static String messageOf(List<Pair> pairs) {
		for (Pair pair : pairs) {
			if (pair.key().equals(CoreFields.MESSAGE)) {
				return pair.value();
			}
		}
		StringBuilder words = new StringBuilder();
		for (Pair pair : pairs.subList(3, pairs.size())) {
			if (pair.value() == null) {
				words.append(words.isEmpty() ? "" : " ").append(pair.key());
			}
		}
		return words.toString();
	}

}
