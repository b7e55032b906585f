package io.fluxtail.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * Assertions on a set of lines. The {@code with...} and {@code at...} methods narrow the set, and
 * every failure names the lines it is about: their number, level, logger and message.
 *
 * <pre>{@code
 * assertThat(logs).withMessage("order accepted").singleLine().hasField("order_id", 4921);
 * assertThat(logs).noLineAbove(Level.WARN).satisfiesContract().containsNoSecrets();
 * }</pre>
 */
public final class LogsAssert extends AbstractAssert<LogsAssert, List<LogLine>> {

	private static final int SHOWN_LINES = 20;

	private static final String ALL = "the captured lines";

	private final List<LogLine> all;

	private final String selection;

	LogsAssert(List<LogLine> lines) {
		this(lines, lines, ALL);
	}

	private LogsAssert(List<LogLine> lines, List<LogLine> all, String selection) {
		super(lines, LogsAssert.class);
		this.all = all;
		this.selection = selection;
	}

	/**
	 * Narrows to the lines with this message.
	 * @param message the whole message
	 * @return an assertion on those lines
	 */
	public LogsAssert withMessage(String message) {
		return narrow((line) -> message.equals(line.message()), "with message \"" + message + "\"");
	}

	/**
	 * Narrows to the lines whose message contains a text.
	 * @param text part of the message
	 * @return an assertion on those lines
	 */
	public LogsAssert withMessageContaining(String text) {
		return narrow((line) -> line.message() != null && line.message().contains(text),
				"with a message containing \"" + text + "\"");
	}

	/**
	 * Narrows to the lines of a logger.
	 * @param logger the logger's name
	 * @return an assertion on those lines
	 */
	public LogsAssert withLogger(String logger) {
		return narrow((line) -> logger.equals(line.logger()), "of logger " + logger);
	}

	/**
	 * Narrows to the lines at a level.
	 * @param level the level
	 * @return an assertion on those lines
	 */
	public LogsAssert atLevel(Level level) {
		return narrow((line) -> line.level() == level, "at " + level);
	}

	/**
	 * Narrows to the lines of one unit of work.
	 * @param requestId its id, as in the {@code request_id} field
	 * @return an assertion on those lines
	 */
	public LogsAssert withRequestId(String requestId) {
		return narrow((line) -> requestId.equals(line.requestId()), "with request id " + requestId);
	}

	/**
	 * Narrows to the lines that have a field, whatever its value.
	 * @param name the field's output name
	 * @return an assertion on those lines
	 */
	public LogsAssert withField(String name) {
		return narrow((line) -> line.field(name) != null, "with field \"" + name + "\"");
	}

	/**
	 * Narrows to the lines where a field has a value of the value's JSON type.
	 * @param name the field's output name
	 * @param value the value: a number, string, boolean or {@code null}
	 * @return an assertion on those lines
	 */
	public LogsAssert withField(String name, @Nullable Object value) {
		return narrow((line) -> line.field(name) != null && FieldValues.matches(value, line.field(name)),
				"with " + name + " = " + FieldValues.describeExpected(value));
	}

	/**
	 * Narrows to the lines that match a condition.
	 * @param condition the condition
	 * @param description how failure messages name it
	 * @return an assertion on those lines
	 */
	public LogsAssert matching(Predicate<LogLine> condition, String description) {
		return narrow(condition, description);
	}

	/**
	 * Asserts that there is exactly one line, and continues with it.
	 * @return an assertion on that line
	 */
	public LogLineAssert singleLine() {
		isNotNull();
		if (this.actual.size() != 1) {
			failWithMessage("Expected exactly one of %s, but found %d%s", this.selection, this.actual.size(),
					this.actual.isEmpty() ? capturedInstead() : shown(this.actual));
		}
		return new LogLineAssert(this.actual.get(0));
	}

	/**
	 * Asserts that there is at least one line, and continues with the first.
	 * @return an assertion on the first line
	 */
	public LogLineAssert firstLine() {
		hasLines();
		return new LogLineAssert(this.actual.get(0));
	}

	/**
	 * Asserts that there is at least one line.
	 * @return this
	 */
	public LogsAssert hasLines() {
		isNotNull();
		if (this.actual.isEmpty()) {
			failWithMessage("Expected at least one of %s, but there is none%s", this.selection, capturedInstead());
		}
		return this;
	}

	/**
	 * Asserts how many lines there are.
	 * @param count the count
	 * @return this
	 */
	public LogsAssert hasLineCount(int count) {
		isNotNull();
		if (this.actual.size() != count) {
			failWithMessage("Expected %d of %s, but found %d%s", count, this.selection, this.actual.size(),
					shown(this.actual));
		}
		return this;
	}

	/**
	 * Asserts that there is no line.
	 * @return this
	 */
	public LogsAssert hasNoLines() {
		return hasLineCount(0);
	}

	/**
	 * Asserts that lines with these messages were written in this order, other lines between
	 * them allowed.
	 * @param messages the messages, in the expected order
	 * @return this
	 */
	public LogsAssert containsMessagesInOrder(String... messages) {
		isNotNull();
		int next = 0;
		@Nullable LogLine previous = null;
		for (LogLine line : this.actual) {
			if (next < messages.length && Objects.equals(messages[next], line.message())) {
				previous = line;
				next++;
			}
		}
		if (next < messages.length) {
			String found = (previous != null) ? "\"" + messages[next - 1] + "\" (" + previous + ")" : "none of them";
			String missing = messages[next];
			boolean elsewhere = this.actual.stream().anyMatch((line) -> missing.equals(line.message()));
			failWithMessage("Expected %s to hold the messages %s in this order, but after %s comes no line \"%s\"%s%s",
					this.selection, Arrays.toString(messages), found, missing,
					elsewhere ? " (it was written earlier)" : " (it was not written at all)", shown(this.actual));
		}
		return this;
	}

	/**
	 * Asserts that no line is more severe than a level: {@code noLineAbove(Level.WARN)} fails on
	 * an ERROR line.
	 * @param level the highest level allowed
	 * @return this
	 */
	public LogsAssert noLineAbove(Level level) {
		isNotNull();
		List<LogLine> above = this.actual.stream()
			.filter((line) -> line.level() != null && line.level().toInt() > level.toInt())
			.toList();
		if (!above.isEmpty()) {
			failWithMessage("Expected no line of %s above %s, but found %d%s", this.selection, level, above.size(),
					shown(above));
		}
		return this;
	}

	/**
	 * Asserts that every line carries the contract: its required fields with a non-empty text,
	 * and the fields set by configuration with their configured values.
	 * @return this
	 */
	public LogsAssert satisfiesContract() {
		return allPass(LineChecks::contractProblems, "every one of %s to satisfy the contract");
	}

	/**
	 * Asserts that no value the application logged on these lines, before redaction, is
	 * something the starter's detectors find or is named like a secret. A failure names the line,
	 * the field and the detector, never the value.
	 * @return this
	 */
	public LogsAssert containsNoSecrets() {
		return allPass(LineChecks::secrets, "no secret in %s");
	}

	private LogsAssert allPass(Function<LogLine, List<String>> check, String expectation) {
		isNotNull();
		List<String> problems = new ArrayList<>();
		this.actual.forEach((line) -> problems.addAll(check.apply(line)));
		if (!problems.isEmpty()) {
			failWithMessage("Expected " + expectation + ", but:%n  %s", this.selection, LineChecks.joined(problems));
		}
		return this;
	}

	private LogsAssert narrow(Predicate<LogLine> condition, String description) {
		isNotNull();
		List<LogLine> lines = this.actual.stream().filter(condition).toList();
		String selection = this.selection.equals(ALL) ? "the lines " + description : this.selection + " " + description;
		return new LogsAssert(lines, this.all, selection);
	}

	private String capturedInstead() {
		return (this.all == this.actual) ? "" : "; " + ALL + " are" + (this.all.isEmpty() ? " none" : shown(this.all));
	}

	private static String shown(List<LogLine> lines) {
		if (lines.isEmpty()) {
			return "";
		}
		StringBuilder shown = new StringBuilder(":");
		lines.stream().limit(SHOWN_LINES).forEach((line) -> shown.append(System.lineSeparator()).append("  ").append(line));
		if (lines.size() > SHOWN_LINES) {
			shown.append(System.lineSeparator()).append("  ... and ").append(lines.size() - SHOWN_LINES).append(" more");
		}
		return shown.toString();
	}

}
