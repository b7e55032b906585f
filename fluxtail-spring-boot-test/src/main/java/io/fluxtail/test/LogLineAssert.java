package io.fluxtail.test;

import java.util.List;
import java.util.Objects;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;
import tools.jackson.databind.JsonNode;

/**
 * Assertions on one line. A failure names the line (number, level, logger, message), the field,
 * and what it holds instead, with its JSON type.
 *
 * <pre>{@code
 * assertThat(line).hasLevel(Level.INFO).hasField("order_id", 4921).doesNotHaveField("card");
 * }</pre>
 */
public final class LogLineAssert extends AbstractAssert<LogLineAssert, LogLine> {

	LogLineAssert(LogLine line) {
		super(line, LogLineAssert.class);
	}

	/**
	 * Asserts that the line has a field, whatever its value.
	 * @param name the field's output name
	 * @return this
	 */
	public LogLineAssert hasField(String name) {
		isNotNull();
		if (this.actual.field(name) == null) {
			failWithMessage("Expected %s to have field \"%s\", but it has no such field; its fields: %s", this.actual,
					name, this.actual.names());
		}
		return this;
	}

	/**
	 * Asserts a field's value and JSON type: {@code hasField("order_id", 4921)} fails on
	 * {@code "order_id":"4921"}.
	 * @param name the field's output name
	 * @param expected a number, string, boolean, {@code null} (a JSON null), a {@link JsonNode} or
	 * any value Jackson writes as the expected JSON
	 * @return this
	 */
	public LogLineAssert hasField(String name, @Nullable Object expected) {
		hasField(name);
		JsonNode value = Objects.requireNonNull(this.actual.field(name));
		if (!FieldValues.matches(expected, value)) {
			failWithMessage("Expected %s to have field \"%s\" = %s, but it is %s", this.actual, name,
					FieldValues.describeExpected(expected), FieldValues.describe(value));
		}
		return this;
	}

	/**
	 * Asserts that the line has none of these fields.
	 * @param names the fields' output names
	 * @return this
	 */
	public LogLineAssert doesNotHaveField(String... names) {
		isNotNull();
		for (String name : names) {
			JsonNode value = this.actual.field(name);
			if (value != null) {
				failWithMessage("Expected %s not to have field \"%s\", but it has it, %s", this.actual, name,
						FieldValues.type(value));
			}
		}
		return this;
	}

	/**
	 * Asserts the line's message.
	 * @param message the whole message
	 * @return this
	 */
	public LogLineAssert hasMessage(String message) {
		return hasText(this.actual.context().message(), message);
	}

	/**
	 * Asserts the line's logger.
	 * @param logger the logger's name
	 * @return this
	 */
	public LogLineAssert hasLogger(String logger) {
		return hasText(this.actual.context().logger(), logger);
	}

	/**
	 * Asserts the line's request id.
	 * @param requestId the id
	 * @return this
	 */
	public LogLineAssert hasRequestId(String requestId) {
		return hasText(this.actual.context().requestId(), requestId);
	}

	/**
	 * Asserts the line's level.
	 * @param level the level
	 * @return this
	 */
	public LogLineAssert hasLevel(Level level) {
		return hasText(this.actual.context().level(), level.name());
	}

	/**
	 * Asserts that the line carries the contract: its required fields with a non-empty text, and
	 * the fields set by configuration with their configured values.
	 * @return this
	 */
	public LogLineAssert satisfiesContract() {
		isNotNull();
		return passes(LineChecks.contractProblems(this.actual), "%s to satisfy the contract", this.actual);
	}

	/**
	 * Asserts that no value the application logged on the line, before redaction, is something
	 * the starter's detectors find or is named like a secret. A failure names the field and the
	 * detector, never the value.
	 * @return this
	 */
	public LogLineAssert containsNoSecrets() {
		isNotNull();
		return passes(LineChecks.secrets(this.actual), "no secret in %s", this.actual.brief());
	}

	private LogLineAssert passes(List<String> problems, String expectation, Object line) {
		if (!problems.isEmpty()) {
			failWithMessage("Expected " + expectation + ", but:%n  %s", line, LineChecks.joined(problems));
		}
		return this;
	}

	private LogLineAssert hasText(String name, String expected) {
		isNotNull();
		String text = this.actual.text(name);
		if (!expected.equals(text)) {
			JsonNode value = this.actual.field(name);
			failWithMessage("Expected %s to have %s \"%s\", but it is %s", this.actual, name, expected,
					(value != null) ? FieldValues.describe(value) : "absent");
		}
		return this;
	}

}
