package io.fluxtail.logging.encoder.json;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

import io.fluxtail.logging.line.EncodedNames;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.LineBuffer;
import io.fluxtail.logging.line.LineWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@link EventFields} as one JSON object, members in list order, each value keeping its JSON
 * type. Strings, numbers, booleans, maps, collections and arrays are written directly, with
 * escaping adapted from Jackson's character table as ecs-logging's {@code JsonUtils} does; any
 * other object is serialized by Jackson. Besides what JSON requires, every character of
 * {@link LineBuffer#isUnsafe} is written as {@code \}{@code uXXXX}, which any JSON reader decodes
 * back to the same string.
 */
public final class JsonWriter implements LineWriter {

	/** Nesting beyond this is a cycle or a mistake; the encoder then writes its minimal line. */
	private static final int MAX_DEPTH = 64;

	/** For each ASCII character: 0 to write it as is, else the letter after the backslash. */
	private static final char[] ESCAPES = new char[128];

	static {
		for (int c = 0; c < 0x20; c++) {
			ESCAPES[c] = 'u';
		}
		ESCAPES['"'] = '"';
		ESCAPES['\\'] = '\\';
		ESCAPES['\n'] = 'n';
		ESCAPES['\r'] = 'r';
		ESCAPES['\t'] = 't';
		ESCAPES['\b'] = 'b';
		ESCAPES['\f'] = 'f';
		ESCAPES[0x7f] = 'u';
	}

	private static final boolean[] PLAIN = LineBuffer.table((c) -> ESCAPES[c] == 0);

	private static final boolean[] SAFE = LineBuffer.table((c) -> !LineBuffer.isUnsafe((char) c));

	private final JsonMapper mapper;

	private final EncodedNames names = new EncodedNames((line, name) -> {
		string(line, name);
		line.ascii(':');
	});

	/**
	 * Creates a writer.
	 * @param mapper serializes values that are not plain data (records, beans, dates, ...)
	 */
	public JsonWriter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void write(EventFields fields, LineBuffer line) {
		line.ascii('{');
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.ascii(',');
			}
			this.names.append(line, fields.name(i));
			value(line, fields.value(i), 0);
		}
		line.ascii('}');
	}

	/**
	 * Appends a value as JSON.
	 * @param line where to write
	 * @param value the value
	 */
	public void value(LineBuffer line, @Nullable Object value) {
		value(line, value, 0);
	}

	private void value(LineBuffer line, @Nullable Object value, int depth) {
		if (value == null) {
			line.ascii("null");
		}
		else if (value instanceof String text) {
			string(line, text);
		}
		else if (value instanceof Number number) {
			if (LineBuffer.isFinite(number)) {
				line.number(number);
			}
			else {
				string(line, number.toString());
			}
		}
		else if (value instanceof Boolean bool) {
			line.ascii(bool ? "true" : "false");
		}
		else if (value instanceof CharSequence || value instanceof Character) {
			string(line, value.toString());
		}
		else if (value instanceof Enum<?> constant) {
			string(line, constant.name());
		}
		else if (value instanceof Map<?, ?> map) {
			object(line, map, checked(depth));
		}
		else if (value instanceof Collection<?> collection) {
			line.ascii('[');
			int index = 0;
			for (Object element : collection) {
				separate(line, index++);
				value(line, element, checked(depth));
			}
			line.ascii(']');
		}
		else if (value.getClass().isArray()) {
			line.ascii('[');
			for (int i = 0; i < Array.getLength(value); i++) {
				separate(line, i);
				value(line, Array.get(value, i), checked(depth));
			}
			line.ascii(']');
		}
		else {
			serialized(line, this.mapper.writeValueAsString(value));
		}
	}

	private void object(LineBuffer line, Map<?, ?> map, int depth) {
		line.ascii('{');
		int index = 0;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			separate(line, index++);
			string(line, String.valueOf(entry.getKey()));
			line.ascii(':');
			value(line, entry.getValue(), depth);
		}
		line.ascii('}');
	}

	private static int checked(int depth) {
		if (depth >= MAX_DEPTH) {
			throw new IllegalArgumentException("Value nested deeper than " + MAX_DEPTH + " levels");
		}
		return depth + 1;
	}

	private static void separate(LineBuffer line, int index) {
		if (index > 0) {
			line.ascii(',');
		}
	}

	/**
	 * Appends JSON text written by Jackson, escaping what Jackson leaves raw: its text outside
	 * strings is ASCII without controls, so every escape lands inside a string.
	 */
	private static void serialized(LineBuffer line, String json) {
		int length = json.length();
		int i = 0;
		while ((i = line.plain(json, i, SAFE)) < length) {
			char c = json.charAt(i);
			if (LineBuffer.isUnsafe(c)) {
				line.unicodeEscape(c);
				i++;
			}
			else {
				i = line.codePoint(json, i);
			}
		}
	}

	/**
	 * Appends a JSON string literal. Besides what JSON requires, DEL, the C1 controls and the
	 * other characters of {@link LineBuffer#isUnsafe} are escaped.
	 * @param line where to write
	 * @param text the string
	 */
	public static void string(LineBuffer line, String text) {
		line.ascii('"');
		int length = text.length();
		int i = 0;
		while ((i = line.plain(text, i, PLAIN)) < length) {
			char c = text.charAt(i);
			if (c < 0x80) {
				char escape = ESCAPES[c];
				if (escape == 'u') {
					line.unicodeEscape(c);
				}
				else {
					line.ascii('\\').ascii(escape);
				}
				i++;
			}
			else if (LineBuffer.isUnsafe(c)) {
				line.unicodeEscape(c);
				i++;
			}
			else {
				i = line.codePoint(text, i);
			}
		}
		line.ascii('"');
	}

}
