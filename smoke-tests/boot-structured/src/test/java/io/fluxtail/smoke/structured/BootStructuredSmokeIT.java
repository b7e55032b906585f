package io.fluxtail.smoke.structured;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import io.fluxtail.smoke.redaction.Samples;
import io.fluxtail.smoke.redaction.Samples.Sample;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team that adopted Spring Boot's structured logging adds the starter: it keeps Boot's format on
 * the console and in the file, every line read by that format's own rules, and gets Fluxtail's
 * contract fields under the format's names and its redaction in every position, with no leak.
 */
class BootStructuredSmokeIT {

	private static final int PROBES = 300;

	/**
	 * Positions of each sample that Boot's formats write: message (2), MDC, key/value pair, nested
	 * value, and the two stack traces. Boot's formats do not write logstash structured arguments.
	 */
	private static final int POSITIONS = 7;

	private static final JsonNode ECS_SPEC = ecsSpec();

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash", "gelf" })
	void bootsFormatIsKeptWithTheContractAndNothingLeaks(String format, @TempDir Path logs) throws IOException {
		Path file = logs.resolve("app.log");
		try (SmokeApp app = SmokeApp.builder()
			.arg("--logging.structured.format.console=" + format)
			.arg("--logging.structured.format.file=" + format)
			.arg("--logging.file.name=" + file)
			.start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			assertThat(http.get("/leak").body()).isEqualTo("logged " + Samples.ALL.size());
			http.callEachWithItsOwnId(List.of("/probe"), PROBES, 16);
			app.stop();

			List<String> stdout = app.stdout();
			List<String> fileLines = Files.readAllLines(file);
			assertThat(fileLines).hasSameSizeAs(stdout);
			for (List<String> lines : List.of(stdout, fileLines)) {
				List<JsonNode> events = lines.stream().map(BootStructuredSmokeIT::flatten).toList();
				assertThat(events).allSatisfy((event) -> assertFormatAndContract(format, event));
				assertProbesCarryTheirOwnId(format, events);
				assertExceptionLinesCarryTheirFingerprint(format, events);
				assertNoSampleLeaks(String.join("\n", lines));
				assertThat(events).anySatisfy((event) -> assertThat(text(event, message(format)))
					.startsWith("Spring Boot's structured format is kept on {CONSOLE=" + format));
			}
			System.out.printf("%s: %d stdout lines, %d file lines, %d probes%n", format, stdout.size(),
					fileLines.size(), PROBES);
		}
	}

	private static void assertFormatAndContract(String format, JsonNode event) {
		switch (format) {
			case "ecs" -> {
				assertCarriesTheEcsSpecRequiredFields(event);
				assertThat(text(event, "service.name")).isEqualTo("smoke-redaction");
				assertThat(text(event, "service.environment")).isEqualTo("smoke");
				assertThat(event.has("http.request.id")).isTrue();
			}
			case "logstash" -> {
				assertThat(Instant.parse(text(event, "@timestamp"))).isNotNull();
				assertThat(text(event, "@version")).isEqualTo("1");
				assertThat(event.get("message").isString()).isTrue();
				assertThat(text(event, "service")).isEqualTo("smoke-redaction");
				assertThat(text(event, "env")).isEqualTo("smoke");
				assertThat(event.has("request_id")).isTrue();
			}
			case "gelf" -> {
				// GELF 1.1: version, host, short_message required; additional fields start with '_'
				assertThat(text(event, "version")).isEqualTo("1.1");
				assertThat(text(event, "host")).isEqualTo("smoke-redaction");
				assertThat(event.get("short_message").isString()).isTrue();
				assertThat(event.get("timestamp").isNumber()).isTrue();
				assertThat(event.get("level").isIntegralNumber()).isTrue();
				assertThat(event.propertyNames()).allSatisfy((name) -> assertThat(name)
					.matches("version|host|short_message|full_message|timestamp|level|_[\\w.\\-]+")
					.isNotEqualTo("_id"));
				assertThat(text(event, "_env")).isEqualTo("smoke");
				assertThat(event.has("_request_id")).isTrue();
			}
			default -> throw new IllegalArgumentException(format);
		}
	}

	private static void assertProbesCarryTheirOwnId(String format, List<JsonNode> events) {
		String probe = format.equals("gelf") ? "_probe" : "probe";
		String requestId = switch (format) {
			case "ecs" -> "http.request.id";
			case "gelf" -> "_request_id";
			default -> "request_id";
		};
		List<JsonNode> probed = events.stream().filter((event) -> event.has(probe)).toList();
		assertThat(probed).hasSize(PROBES);
		// the application's pair named like the format's own field is kept under its source's prefix
		String note = format.equals("gelf") ? "_message" : "kv.message";
		assertThat(probed).allSatisfy((event) -> assertThat(text(event, note)).isEqualTo("customer note"));
		assertThat(probed).filteredOn((event) -> !text(event, probe).equals(text(event, requestId)))
			.as("lines with a foreign or missing request_id")
			.isEmpty();
	}

	/**
	 * Boot's format writes the exception; the starter adds its fingerprint under the format's name
	 * for the field, on exactly the lines that carry a stack trace.
	 */
	private static void assertExceptionLinesCarryTheirFingerprint(String format, List<JsonNode> events) {
		String fingerprint = switch (format) {
			case "ecs" -> "error.id";
			case "gelf" -> "_error_fingerprint";
			default -> "error_fingerprint";
		};
		List<JsonNode> withStackTrace = events.stream()
			.filter((event) -> event.propertyNames().stream().anyMatch((name) -> name.endsWith("stack_trace")))
			.toList();
		assertThat(withStackTrace).as("lines with a stack trace").isNotEmpty();
		assertThat(withStackTrace).allSatisfy((event) -> assertThat(text(event, fingerprint)).matches("[0-9a-f]{16}"));
		assertThat(events).filteredOn((event) -> event.has(fingerprint)).hasSameSizeAs(withStackTrace);
	}

	private static void assertNoSampleLeaks(String all) {
		for (Sample sample : Samples.ALL) {
			assertThat(all).as(sample.detector()).doesNotContain(sample.secret());
			assertThat(occurrences(all, "[REDACTED:" + sample.detector() + "]")).as(sample.detector())
				.isGreaterThanOrEqualTo(POSITIONS);
		}
		assertThat(all).doesNotContain(Samples.BADGE).contains("context initializing for badge [REDACTED:badge]");
	}

	/**
	 * Required fields of the ecs-logging specification ({@code spec/spec.json} of
	 * elastic/ecs-logging, copied as a test resource) with their types. Boot writes ECS nested
	 * ({@code "log":{"level":..}}), which the specification reads as the dotted names; its field
	 * order is Boot's, so the specification's recommended positions are not checked.
	 */
	private static void assertCarriesTheEcsSpecRequiredFields(JsonNode event) {
		ECS_SPEC.get("fields").properties().forEach((entry) -> {
			String field = entry.getKey();
			JsonNode spec = entry.getValue();
			if (spec.get("required").asBoolean()) {
				assertThat(event.has(field)).as("required %s", field).isTrue();
			}
			if (event.has(field) && spec.get("type").asString().equals("string")) {
				assertThat(event.get(field).isString()).as("%s is a string", field).isTrue();
			}
			if (event.has(field) && spec.get("type").asString().equals("datetime")) {
				assertThat(Instant.parse(event.get(field).asString())).isNotNull();
			}
		});
	}

	private static String message(String format) {
		return format.equals("gelf") ? "short_message" : "message";
	}

	/**
	 * One line as a flat object: nested objects become dotted names, as ECS readers take them.
	 */
	private static JsonNode flatten(String line) {
		JsonNode parsed = JsonMapper.shared().readTree(line);
		assertThat(parsed.isObject()).as(line).isTrue();
		ObjectNode flat = JsonMapper.shared().createObjectNode();
		flatten("", parsed, flat);
		return flat;
	}

	private static void flatten(String prefix, JsonNode node, ObjectNode flat) {
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String name = prefix + entry.getKey();
			if (entry.getValue().isObject()) {
				flatten(name + ".", entry.getValue(), flat);
			}
			else {
				assertThat(flat.has(name)).as("duplicate %s", name).isFalse();
				flat.set(name, entry.getValue());
			}
		}
	}

	private static String text(JsonNode event, String field) {
		JsonNode value = event.get(field);
		assertThat(value).as("%s in %s", field, event).isNotNull();
		return value.asString();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	private static JsonNode ecsSpec() {
		try (InputStream spec = BootStructuredSmokeIT.class.getResourceAsStream("/ecs/spec.json")) {
			return JsonMapper.shared().readTree(spec);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
