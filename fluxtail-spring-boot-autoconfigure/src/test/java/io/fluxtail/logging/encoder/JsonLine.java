package io.fluxtail.logging.encoder;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fluxtail.testsupport.LogLines;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * One JSON line read as its top-level fields with the string form of each value: a string's text,
 * a number's or boolean's text as written, {@code null} for null, and the JSON text of a nested
 * value. A duplicate key is an error.
 */
final class JsonLine {

	private JsonLine() {
	}

	static Map<String, @Nullable String> stringForms(String line) {
		Map<String, @Nullable String> fields = new LinkedHashMap<>();
		try (JsonParser parser = LogLines.parser(line)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("Not an object: " + line);
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken token = parser.nextToken();
				String value = switch (token) {
					case START_OBJECT, START_ARRAY -> parser.readValueAsTree().toString();
					case VALUE_NULL -> null;
					default -> parser.getString();
				};
				if (fields.containsKey(name)) {
					throw new IllegalArgumentException("Duplicate key " + name + " in: " + line);
				}
				fields.put(name, value);
			}
		}
		return fields;
	}

	/**
	 * Whether two string forms are the same value: equal text, or the same JSON tree for nested
	 * values (whose text may differ in spacing only).
	 */
	static boolean sameValue(@Nullable String json, @Nullable String other) {
		if (json == null || other == null) {
			return json == other;
		}
		if (json.equals(other)) {
			return true;
		}
		if (json.startsWith("{") || json.startsWith("[")) {
			JsonNode left = LogLines.parse(json);
			return left.equals(LogLines.parse(other));
		}
		return false;
	}

}
