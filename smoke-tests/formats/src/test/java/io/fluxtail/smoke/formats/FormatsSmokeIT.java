package io.fluxtail.smoke.formats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.fluxtail.lines.LogfmtParser;
import io.fluxtail.lines.LogfmtParser.Pair;
import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application run from its jar in each format, every stdout line read back: from the first
 * startup line to the last shutdown line.
 */
class FormatsSmokeIT {

	private static final String REQUEST_ID = "req-formats-1";

	/** Characters no line may hold raw: DEL, a C1 control, and those that hide or reorder text. */
	private static final String UNSAFE = "\u007f\u0085\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2028"
			+ "\u2029\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff";

	private static final String MDC_NAME = cut("mdc." + CheckoutController.LONG_NAME);

	private static final String KV_NAME = cut("kv." + CheckoutController.LONG_NAME);

	@Test
	void everyLogfmtLineIsStrictLogfmtWithTheContractFields() {
		List<String> lines = run("--fluxtail.format=logfmt");

		assertThat(lines).hasSizeGreaterThan(5).allSatisfy((line) -> {
			List<Pair> pairs = LogfmtParser.parse(line);
			Set<String> names = new HashSet<>();
			assertThat(pairs).allSatisfy((pair) -> {
				assertThat(pair.value()).as("every token is a pair: %s in %s", pair.key(), line).isNotNull();
				assertThat(names.add(pair.name())).as("%s once in %s", pair.name(), line).isTrue();
			});
			assertThat(pairs.subList(0, 3).stream().map(Pair::key)).containsExactly("timestamp", "level", "logger");
			assertThat(names).containsAll(LogLines.CONTRACT);
			assertThat(value(pairs, "service")).isEqualTo("smoke-formats");
		});
		List<Pair> tricky = lineWith(lines, "k%20space");
		assertThat(value(tricky, "message")).isEqualTo(CheckoutController.TRICKY_MESSAGE);
		assertThat(value(tricky, "request_id")).isEqualTo(REQUEST_ID);
		assertThat(value(tricky, "service")).isEqualTo("smoke-formats");
		assertThat(value(tricky, "k space")).isEqualTo("v=1");
		assertThat(pair(tricky, "nothing").jsonText()).isNull();
		assertThat(pair(tricky, "empty").jsonText()).isEmpty();
		assertThat(value(lineWith(lines, "error_type"), "error_message")).isEqualTo("gateway said \"no\"\nretry=3");
		assertThat(value(lineWith(lines, "http_status"), "http_route")).isEqualTo("/checkout");
		assertHoldsNoUnsafeCharacterOrHugeName(lines);
		List<Pair> invisible = lineWith(lines, "file%E2%80%AEname");
		assertThat(value(invisible, "message")).isEqualTo(CheckoutController.INVISIBLE_MESSAGE);
		assertThat(value(invisible, "file\u202ename")).isEqualTo("a\u200bb");
		assertThat(value(invisible, "nested")).isEqualTo("{\"n\\u2066\":[\"del\\u007f\"]}");
		assertThat(value(invisible, MDC_NAME)).isEqualTo("kept");
		assertThat(value(invisible, KV_NAME)).isEqualTo("kept");
	}

	@Test
	void everyEcsLineCarriesTheRequiredFieldsOnceWithEcsNames() {
		List<String> stdout = run("--fluxtail.schema=ecs");
		assertHoldsNoUnsafeCharacterOrHugeName(stdout);
		List<JsonNode> lines = LogLines.parseAll(stdout);

		assertThat(lines).hasSizeGreaterThan(5).allSatisfy((line) -> {
			List<String> names = line.propertyNames().stream().toList();
			assertThat(names.subList(0, 3)).containsExactly("@timestamp", "log.level", "message");
			assertThat(line.get("ecs.version").asString()).isEqualTo("8.11");
			assertThat(line.get("service.name").asString()).isEqualTo("smoke-formats");
			assertThat(line.get("service.environment").asString()).isEqualTo("smoke");
			assertThat(line.get("service.version").asString()).isEqualTo("1.4.2");
			assertThat(line.get("log.logger").isString()).isTrue();
			assertThat(line.get("process.thread.name").isString()).isTrue();
			assertThat(line.has("http.request.id")).isTrue();
			assertThat(names).doesNotContain("timestamp", "level", "service", "request_id");
		});
		JsonNode completed = lines.stream().filter((line) -> line.has("http.response.status_code")).findFirst()
			.orElseThrow();
		assertThat(completed.get("http.request.id").asString()).isEqualTo(REQUEST_ID);
		assertThat(completed.get("http.request.method").asString()).isEqualTo("POST");
		assertThat(completed.get("http.response.status_code").asInt()).isEqualTo(200);
		assertThat(completed.get("event.duration").isIntegralNumber()).isTrue();
		assertThat(completed.get("event.duration").asLong() % 1_000_000).isZero();
		JsonNode failed = lines.stream().filter((line) -> line.has("error.type")).findFirst().orElseThrow();
		assertThat(failed.get("error.stack_trace").asString()).startsWith("java.lang.IllegalStateException");
		JsonNode invisible = lines.stream().filter((line) -> line.has("file\u202ename")).findFirst().orElseThrow();
		assertThat(invisible.get("message").asString()).isEqualTo(CheckoutController.INVISIBLE_MESSAGE);
		assertThat(invisible.get("file\u202ename").asString()).isEqualTo("a\u200bb");
		assertThat(invisible.get("nested").get("n\u2066").get(0).asString()).isEqualTo("del\u007f");
		assertThat(invisible.get(MDC_NAME).asString()).isEqualTo("kept");
		assertThat(invisible.get(KV_NAME).asString()).isEqualTo("kept");
	}

	@Test
	void everyTextLineStartsWithTimeLevelAndLoggerThenTheContractFields() {
		List<String> lines = run("--fluxtail.format=text");

		assertThat(lines).hasSizeGreaterThan(5).allSatisfy((line) -> assertThat(line).matches(
				"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (TRACE|DEBUG|INFO|WARN|ERROR) \\S+ "
						+ "service=smoke-formats env=smoke request_id=\\S+ version=1\\.4\\.2 thread=\\S+ .*"));
		assertThat(lines).anyMatch((line) -> line.contains(" request_id=" + REQUEST_ID + " ")
				&& line.contains(" user said \"hi\"\\n2026-04-24T10:14:03.125Z ERROR fake service=evil env=x k%20space="));
		assertHoldsNoUnsafeCharacterOrHugeName(lines);
		assertThat(lines).anyMatch((line) -> line.contains(" " + MDC_NAME + "=kept")
				&& line.contains(" invoice\\u202egpj.exe\\u200b\\ufeff\\u2066 sent\\u007f file%E2%80%AEname=\"a\\u200bb\" "));
	}

	/**
	 * No line holds a raw character that a terminal would hide or act on, and the line with the
	 * megabyte names is a few kilobytes.
	 */
	private static void assertHoldsNoUnsafeCharacterOrHugeName(List<String> lines) {
		assertThat(lines).allSatisfy((line) -> assertThat(line.chars()).noneMatch((c) -> UNSAFE.indexOf(c) >= 0));
		assertThat(lines).filteredOn((line) -> line.contains(MDC_NAME))
			.singleElement()
			.satisfies((line) -> assertThat(line.length()).isLessThan(4 * 1024));
	}

	/**
	 * A name longer than 256 characters as the encoder writes it.
	 */
	private static String cut(String name) {
		return name.substring(0, 256) + "[TRUNCATED:" + name.length() + "]";
	}

	/**
	 * Starts the application, makes one checkout request and stops it gracefully.
	 * @return every stdout line
	 */
	private static List<String> run(String arg) {
		try (SmokeApp app = SmokeApp.builder().arg(arg).start()) {
			assertThat(new SmokeHttp(app.port()).post("/checkout", "X-Request-Id", REQUEST_ID).statusCode())
				.isEqualTo(200);
			app.stop();
			assertThat(app.stderr()).isEmpty();
			return app.stdout();
		}
	}

	private static List<Pair> lineWith(List<String> lines, String key) {
		return lines.stream()
			.map(LogfmtParser::parse)
			.filter((pairs) -> pairs.stream().anyMatch((pair) -> pair.key().equals(key)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line with " + key));
	}

	private static Pair pair(List<Pair> pairs, String name) {
		return pairs.stream().filter((pair) -> pair.name().equals(name)).findFirst().orElseThrow();
	}

	private static String value(List<Pair> pairs, String name) {
		return pair(pairs, name).value();
	}

}
