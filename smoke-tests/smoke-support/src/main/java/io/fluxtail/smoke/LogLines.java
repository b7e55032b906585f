package io.fluxtail.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
