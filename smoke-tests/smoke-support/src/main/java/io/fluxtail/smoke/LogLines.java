package io.fluxtail.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads an application's stdout as JSON lines, strictly: a line that is not one JSON object, or
 * that has a key twice, fails the test and names the line.
 */
public final class LogLines {

	/** The fields every line of the default contract carries, startup and shutdown lines included. */
	public static final List<String> CONTRACT = List.of("timestamp", "level", "logger", "thread", "message",
			"service", "env", "request_id");

	/** The field in which smoke handlers log the id their client sent. */
	public static final String PROBE = "probe";

	private static final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private LogLines() {
	}

	/**
	 * Parses one line.
	 * @param line a stdout line
	 * @return the JSON object
	 */
	public static JsonNode parse(String line) {
		JsonNode node;
		try {
			node = mapper.readTree(line);
		}
		catch (RuntimeException ex) {
			throw new AssertionError("Not one JSON object: " + line, ex);
		}
		if (node == null || !node.isObject()) {
			fail("Not one JSON object: " + line);
		}
		return node;
	}

	/**
	 * Parses every line, failing on the first that is not one JSON object.
	 * @param lines stdout lines
	 * @return the objects in order
	 */
	public static List<JsonNode> parseAll(List<String> lines) {
		List<JsonNode> parsed = new ArrayList<>(lines.size());
		for (String line : lines) {
			parsed.add(parse(line));
		}
		return parsed;
	}

	/**
	 * Asserts that every line carries every contract field with a non-empty text value.
	 * @param lines parsed lines
	 * @param contract the field names
	 */
	public static void assertContract(List<JsonNode> lines, List<String> contract) {
		assertThat(lines).as("lines").isNotEmpty();
		for (JsonNode line : lines) {
			for (String field : contract) {
				String value = text(line, field);
				assertThat(value).as("%s on %s", field, line).isNotNull().isNotEmpty();
			}
		}
	}

	/**
	 * Returns a field's text, or {@code null} when the field is absent or null.
	 * @param line a parsed line
	 * @param field the field name
	 * @return the text
	 */
	public static String text(JsonNode line, String field) {
		JsonNode value = line.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	/**
	 * Returns the lines whose {@code request_id} is not the id their handler was given: every
	 * handler of a smoke application logs, as {@code probe}, the id the client sent, so such a line
	 * lost or mixed up its request context.
	 * @param probed lines that carry a {@code probe} field
	 * @return the lines with a foreign or missing id
	 */
	public static List<JsonNode> withForeignOrMissingId(List<JsonNode> probed) {
		return probed.stream().filter((line) -> !text(line, PROBE).equals(text(line, "request_id"))).toList();
	}

	/**
	 * Returns the lines that carry a {@code probe} field.
	 * @param lines parsed lines
	 * @return the probed lines
	 */
	public static List<JsonNode> probed(List<JsonNode> lines) {
		return lines.stream().filter((line) -> line.has(PROBE)).toList();
	}

	/**
	 * Returns, for each message, the kinds of thread that wrote it.
	 * @param lines parsed lines
	 * @param kindOfThread names the kind of a thread, such as {@code http} for {@code http-nio-8080-exec-1}
	 * @return the thread kinds by message
	 */
	public static Map<String, Set<String>> threadKindsByMessage(List<JsonNode> lines,
			Function<String, String> kindOfThread) {
		return lines.stream()
			.collect(Collectors.groupingBy((line) -> text(line, "message"), Collectors
				.mapping((line) -> kindOfThread.apply(text(line, "thread")), Collectors.toCollection(TreeSet::new))));
	}

	/**
	 * Returns every key seen on the lines.
	 * @param lines parsed lines
	 * @return the keys, sorted
	 */
	public static Set<String> keys(List<JsonNode> lines) {
		Set<String> keys = new TreeSet<>();
		for (JsonNode line : lines) {
			keys.addAll(line.propertyNames());
		}
		return keys;
	}

}
