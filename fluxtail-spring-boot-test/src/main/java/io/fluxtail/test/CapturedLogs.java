package io.fluxtail.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.redaction.RedactionPolicy;
import org.assertj.core.api.AssertProvider;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lines an application logged: those one test wrote, captured by {@link LogCaptureExtension}
 * (a test method's parameter), or lines read from elsewhere, such as a process's stdout, with
 * {@link #read}. Assert on them with AssertJ's {@code assertThat(logs)}.
 */
public final class CapturedLogs implements AssertProvider<LogsAssert> {

	private static final Duration AWAIT = Duration.ofSeconds(5);

	private final Supplier<List<LogLine>> lines;

	private final LineContext context;

	CapturedLogs(Supplier<List<LogLine>> lines, LineContext context) {
		this.lines = lines;
		this.context = context;
	}

	/**
	 * Reads lines written with the default contract in a format and schema, as a process's stdout
	 * holds them; blank lines are skipped.
	 * @param lines the lines, without separators
	 * @param format the format they were written in
	 * @param schema the schema of their names
	 * @return the lines, parsed
	 * @throws IllegalArgumentException when a line is not strictly in the format
	 */
	public static CapturedLogs read(List<String> lines, LogFormat format, Schema schema) {
		return read(lines, format, FieldContract.builder().schema(schema).build());
	}

	/**
	 * Reads lines written with a contract in a format; blank lines are skipped.
	 * @param lines the lines, without separators
	 * @param format the format they were written in
	 * @param contract the contract they were written with, whose required fields
	 * {@code satisfiesContract()} checks
	 * @return the lines, parsed
	 * @throws IllegalArgumentException when a line is not strictly in the format
	 */
	public static CapturedLogs read(List<String> lines, LogFormat format, FieldContract contract) {
		LineContext context = new LineContext(format, contract, RedactionPolicy.defaults());
		List<LogLine> parsed = new ArrayList<>();
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			ObjectNode fields;
			try {
				fields = LineReader.read(line, context);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Line " + (parsed.size() + 1) + ": " + ex.getMessage(), ex);
			}
			parsed.add(new LogLine(parsed.size() + 1, line, fields, fields, context));
		}
		List<LogLine> result = List.copyOf(parsed);
		return new CapturedLogs(() -> result, context);
	}

	/**
	 * Returns the lines, in the order they were written.
	 * @return the lines
	 * @throws AssertionError when a captured line was not strictly in its format
	 */
	public List<LogLine> lines() {
		return this.lines.get();
	}

	/**
	 * Waits, at most 5 seconds, until a line with a message has been written: for a line that
	 * work still running writes, such as the completion line a server writes once the client has
	 * its response.
	 * @param message the whole message
	 * @return this
	 * @throws AssertionError when no such line came in time
	 */
	public CapturedLogs awaitMessage(String message) {
		long deadline = System.nanoTime() + AWAIT.toNanos();
		while (lines().stream().noneMatch((line) -> message.equals(line.message()))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("No line \"" + message + "\" within " + AWAIT.toSeconds() + " s");
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for \"" + message + "\"", ex);
			}
		}
		return this;
	}

	/**
	 * Returns the format of the lines.
	 * @return the format
	 */
	public LogFormat format() {
		return this.context.format();
	}

	LineContext context() {
		return this.context;
	}

	@Override
	public LogsAssert assertThat() {
		return new LogsAssert(lines());
	}

}
