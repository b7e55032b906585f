package io.fluxtail.test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.fluxtail.lines.JsonLines;
import io.fluxtail.lines.LogfmtParser;
import io.fluxtail.lines.LogfmtParser.Pair;
import io.fluxtail.lines.TextLine;
import io.fluxtail.logging.encoder.LogFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a line of any format the starter writes with the strict readers its own tests use.
 */
final class LineReader {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private LineReader() {
	}

	/**
	 * Reads a line without knowing its types: logfmt and text values are typed as a JSON reader
	 * would read them bare.
	 * @throws IllegalArgumentException when the line is not strictly in the format
	 */
	static ObjectNode read(String line, LineContext context) {
		return switch (context.format()) {
			case JSON -> (ObjectNode) JsonLines.parse(line);
			case LOGFMT -> typed(LogfmtParser.parse(line), nodes.objectNode());
			case TEXT -> text(TextLine.parse(line, context.thread()), context);
		};
	}

	/**
	 * Checks that a line in the application's format says what the same event's JSON says: the
	 * same names in the same order, the same values as text.
	 * @param line the line as written
	 * @param json the same event in JSON, with the same configuration
	 * @throws IllegalArgumentException when the line is not strictly in its format or says
	 * something else
	 */
	static void check(String line, ObjectNode json, LineContext context) {
		if (context.format() == LogFormat.JSON) {
			return;
		}
		ObjectNode read;
		if (context.format() == LogFormat.LOGFMT) {
			read = typed(LogfmtParser.parse(line), nodes.objectNode());
		}
		else {
			TextLine probe = TextLine.parse(line, context.thread());
			Set<String> before = new HashSet<>(Set.of(context.timestamp(), context.level(),
					context.logger(), context.message()));
			probe.contract().forEach((pair) -> before.add(pair.name()));
			List<String> rest = json.propertyNames().stream().filter((name) -> !before.contains(name)).toList();
			read = text(TextLine.parse(line, probe.contract().size(), rest), context);
		}
		for (String name : json.propertyNames()) {
			String expected = LogLine.textOf(json.get(name));
			if (!read.has(name) || !Objects.equals(expected, LogLine.textOf(read.get(name)))) {
				throw new IllegalArgumentException("The " + context.format().name().toLowerCase() + " line has "
						+ name + "=" + LogLine.textOf(read.get(name)) + " where the event's JSON has " + expected
						+ ": " + line);
			}
		}
		if (read.size() != json.size()) {
			throw new IllegalArgumentException("The line has fields " + read.propertyNames()
					+ " where the event's JSON has " + json.propertyNames() + ": " + line);
		}
	}

	private static ObjectNode text(TextLine line, LineContext context) {
		ObjectNode fields = nodes.objectNode();
		fields.put(context.timestamp(), line.head().get(0));
		fields.put(context.level(), line.head().get(1));
		fields.put(context.logger(), line.head().get(2));
		List<Pair> pairs = new ArrayList<>(line.contract());
		typed(pairs, fields);
		fields.put(context.message(), line.message());
		return typed(line.rest(), fields);
	}

	private static ObjectNode typed(List<Pair> pairs, ObjectNode fields) {
		for (Pair pair : pairs) {
			fields.set(pair.name(), value(pair));
		}
		return fields;
	}

	private static JsonNode value(Pair pair) {
		String text = pair.jsonText();
		if (text == null) {
			return nodes.nullNode();
		}
		if (!pair.quoted() && (text.equals("true") || text.equals("false"))) {
			return nodes.booleanNode(Boolean.parseBoolean(text));
		}
		@Nullable JsonNode number = pair.quoted() ? null : number(text);
		return (number != null) ? number : nodes.stringNode(text);
	}

	private static @Nullable JsonNode number(String text) {
		if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
			return null;
		}
		JsonNode number = JsonLines.mapper().readTree(text);
		return (number != null && number.isNumber()) ? number : null;
	}

}
