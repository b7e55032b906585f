package io.fluxtail.lines;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON line strictly: it must be one JSON object, and a key written twice fails.
 */
public final class JsonLines {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private JsonLines() {
	}

	/**
	 * Returns the strict mapper, for a test that reads values as written.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return STRICT;
	}

	/**
	 * Parses one line.
	 * @param line the line without its separator
	 * @return the object
	 * @throws IllegalArgumentException when the line is not one JSON object or repeats a key
	 */
	public static JsonNode parse(String line) {
		JsonNode node;
		try {
			node = STRICT.readTree(line);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Not one JSON object (" + ex.getMessage() + "): " + line, ex);
		}
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("Not one JSON object: " + line);
		}
		return node;
	}

}
