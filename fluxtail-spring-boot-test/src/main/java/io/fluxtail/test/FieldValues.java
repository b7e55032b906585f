package io.fluxtail.test;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.fluxtail.lines.JsonLines;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compares a field's JSON value with a Java value, types included: {@code 4921} is a number,
 * {@code "4921"} a string.
 */
final class FieldValues {

	private FieldValues() {
	}

	static boolean matches(@Nullable Object expected, JsonNode value) {
		if (expected == null) {
			return value.isNull();
		}
		if (expected instanceof JsonNode node) {
			return node.equals(value);
		}
		if (expected instanceof CharSequence text) {
			return value.isString() && value.asString().equals(text.toString());
		}
		if (expected instanceof Boolean bool) {
			return value.isBoolean() && value.booleanValue() == bool;
		}
		if (expected instanceof Number number) {
			if (!value.isNumber()) {
				return false;
			}
			boolean integral = number instanceof Integer || number instanceof Long || number instanceof Short
					|| number instanceof Byte || number instanceof BigInteger;
			return (!integral || value.isIntegralNumber())
					&& new BigDecimal(value.toString()).compareTo(new BigDecimal(number.toString())) == 0;
		}
		return JsonLines.mapper().valueToTree(expected).equals(value);
	}

	/**
	 * Shows a Java value as its JSON with its type, such as {@code 4921 (a number)}.
	 */
	static String describeExpected(@Nullable Object expected) {
		if (expected == null) {
			return "null";
		}
		if (expected instanceof JsonNode node) {
			return describe(node);
		}
		return describe(JsonLines.mapper().valueToTree(expected));
	}

	/**
	 * Shows a JSON value with its type, such as {@code "4921" (a string)}.
	 */
	static String describe(JsonNode value) {
		if (value.isNull()) {
			return "null";
		}
		return value + " (" + type(value) + ")";
	}

	static String type(JsonNode value) {
		if (value.isString()) {
			return "a string";
		}
		if (value.isNumber()) {
			return "a number";
		}
		if (value.isBoolean()) {
			return "a boolean";
		}
		if (value.isArray()) {
			return "an array";
		}
		return value.isObject() ? "an object" : value.getNodeType().name().toLowerCase();
	}

}
