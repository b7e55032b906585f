package io.fluxtail.logging.encoder;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.lines.LogfmtParser;
import io.fluxtail.lines.LogfmtParser.Pair;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logfmt line: strict logfmt in which every token is a pair, with the contract's names, and
 * the documented rules for keys, nulls and empty values. {@link TrickyEventsTests} proves that
 * its fields equal the JSON line's whatever the event holds.
 */
class LogfmtFormatTests {

	private final TestEvents events = new TestEvents();

	private final FieldContract contract = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.build();

	private final FluxtailEncoder encoder = this.events.encoder(LogFormat.LOGFMT, this.contract, new ContractStats());

	@Test
	void writesEveryFieldAsAPairWithTheMessageQuoted() {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "checkout started");
		event.setMDCPropertyMap(Map.of(CoreFields.REQUEST_ID, "req-9f2c"));
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		assertThat(TestEvents.encode(this.encoder, event))
			.isEqualTo("timestamp=2026-04-24T10:14:03.125Z level=INFO logger=checkout.api service=checkout-api "
					+ "env=prod request_id=req-9f2c thread=main message=\"checkout started\" order_id=4921\n");
	}

	@Test
	void valuesAreBareWhenTheyCanBeAndNestedValuesAreQuotedJson() {
		LoggingEvent event = this.events.event("checkout.api", Level.WARN, "gateway latency high");
		event.addKeyValuePair(new KeyValuePair("duration_ms", 1840));
		event.addKeyValuePair(new KeyValuePair("gateway", "acme pay"));
		event.addKeyValuePair(new KeyValuePair("path", "C:\\temp"));
		event.addKeyValuePair(new KeyValuePair("items", List.of("sku-1", "sku-2")));
		assertThat(TestEvents.encode(this.encoder, event)).endsWith(" message=\"gateway latency high\" duration_ms=1840 "
				+ "gateway=\"acme pay\" path=\"C:\\\\temp\" items=\"[\\\"sku-1\\\",\\\"sku-2\\\"]\"\n");
	}

	@Test
	void nullEmptyAndTheStringNullAreToldApart() {
		LoggingEvent event = this.events.event("a", Level.INFO, "");
		event.addKeyValuePair(new KeyValuePair("nothing", null));
		event.addKeyValuePair(new KeyValuePair("empty", ""));
		event.addKeyValuePair(new KeyValuePair("word", "null"));
		String line = TestEvents.encode(this.encoder, event);
		assertThat(line).endsWith(" message=\"\" nothing=null empty= word=\"null\"\n");
		List<Pair> pairs = parse(line);
		assertThat(pair(pairs, "nothing").jsonText()).isNull();
		assertThat(pair(pairs, "empty").jsonText()).isEmpty();
		assertThat(pair(pairs, "word").jsonText()).isEqualTo("null");
	}

	@Test
	void keysOutsideTheKeyAlphabetArePercentEncodedSoThatNoTwoNamesMerge() {
		LoggingEvent event = this.events.event("a", Level.INFO, "m");
		event.addKeyValuePair(new KeyValuePair("k space", 1));
		event.addKeyValuePair(new KeyValuePair("k%20space", 2));
		event.addKeyValuePair(new KeyValuePair("quote\"key", 3));
		event.addKeyValuePair(new KeyValuePair("a=b", 4));
		event.addKeyValuePair(new KeyValuePair("ключ", 5));
		String line = TestEvents.encode(this.encoder, event);
		assertThat(line).endsWith(" k%20space=1 k%2520space=2 quote%22key=3 a%3Db=4 ключ=5\n");
		assertThat(parse(line).stream().map(Pair::name)).endsWith("k space", "k%20space", "quote\"key", "a=b", "ключ");
	}

	@Test
	void invisibleAndBidirectionalCharactersAreEscapedInKeysValuesAndNestedValues() {
		LoggingEvent event = this.events.event("a", Level.INFO, "invoice\u202eexe.pdf");
		event.addKeyValuePair(new KeyValuePair("zero\u200bwidth", "del\u007f"));
		event.addKeyValuePair(new KeyValuePair("nested", List.of("del\u007f", "bom\ufeff")));
		String line = TestEvents.encode(this.encoder, event);
		assertThat(line).endsWith(" message=\"invoice\\u202eexe.pdf\" zero%E2%80%8Bwidth=\"del\\u007f\" "
				+ "nested=\"[\\\"del\\\\u007f\\\",\\\"bom\\\\ufeff\\\"]\"\n");
		List<Pair> pairs = parse(line);
		assertThat(pair(pairs, CoreFields.MESSAGE).value()).isEqualTo("invoice\u202eexe.pdf");
		assertThat(pair(pairs, "zero\u200bwidth").value()).isEqualTo("del\u007f");
		assertThat(pair(pairs, "nested").value()).isEqualTo("[\"del\\u007f\",\"bom\\ufeff\"]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "forged\n2026-04-24T10:14:03.125Z ERROR fake.logger service=evil forged line",
			"user=admin level=ERROR", "Starting service [Tomcat]", "env check done", "request_id missing upstream",
			"quote \" inside", " leading and trailing ", "back\\slash", "tab\tcontrol\u0007bell",
			"unicode line\u2028separator", "" })
	void noMessageCanAddOrOverwriteAField(String message) {
		String line = TestEvents.encode(this.encoder, this.events.event("checkout.api", Level.INFO, message));
		assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
		List<Pair> pairs = parse(line);
		assertThat(pairs.stream().map(Pair::key)).containsExactly(CoreFields.TIMESTAMP, CoreFields.LEVEL,
				CoreFields.LOGGER, CoreFields.SERVICE, CoreFields.ENV, CoreFields.REQUEST_ID, CoreFields.THREAD,
				CoreFields.MESSAGE);
		assertThat(pair(pairs, CoreFields.LEVEL).value()).isEqualTo("INFO");
		assertThat(pair(pairs, CoreFields.SERVICE).value()).isEqualTo("checkout-api");
		assertThat(pair(pairs, CoreFields.MESSAGE).value()).isEqualTo(message);
	}

	@Test
	void exceptionStackTraceStaysOnTheEventLine() {
		LoggingEvent event = this.events.event("checkout.api", Level.ERROR, "payment capture failed",
				new IllegalStateException("capture \"failed\"\nnext"));
		String line = TestEvents.encode(this.encoder, event);
		assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
		List<Pair> pairs = parse(line);
		assertThat(pair(pairs, CoreFields.ERROR_TYPE).value()).isEqualTo(IllegalStateException.class.getName());
		assertThat(pair(pairs, CoreFields.ERROR_MESSAGE).value()).isEqualTo("capture \"failed\"\nnext");
		assertThat(pair(pairs, CoreFields.STACK_TRACE).value())
			.startsWith("java.lang.IllegalStateException: capture \"failed\"\nnext\n\tat ");
	}

	static List<Pair> parse(String line) {
		assertThat(line).endsWith("\n");
		return LogfmtParser.parse(line.substring(0, line.length() - 1));
	}

	static Pair pair(List<Pair> pairs, String name) {
		return pairs.stream()
			.filter((pair) -> pair.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " in " + pairs));
	}

}
