package io.fluxtail.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.fluxtail.logging.contract.CoreFields;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON lines Logback wrote to the console, parsed one by one.
 */
public final class LogLines {

	private static final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final CapturedOutput output;

	private int mark;

	public LogLines(CapturedOutput output) {
		this.output = output;
		this.mark = output.getOut().length();
	}

	/**
	 * Forgets what was written so far.
	 */
	public void mark() {
		this.mark = this.output.getOut().length();
	}

	/**
	 * Returns the raw text written since the mark.
	 */
	public String rawSinceMark() {
		return this.output.getOut().substring(this.mark);
	}

	/**
	 * Parses every line written since the mark; a line that starts like JSON must be valid JSON.
	 */
	public List<JsonNode> sinceMark() {
		return jsonLines(rawSinceMark());
	}

	/**
	 * Parses one JSON line strictly: a key written twice fails.
	 * @param line the line
	 * @return the parsed object
	 */
	public static JsonNode parse(String line) {
		return mapper.readTree(line);
	}

	/**
	 * Opens a strict streaming parser on one JSON line, for tests that read values as written.
	 * @param line the line
	 * @return the parser
	 */
	public static JsonParser parser(String line) {
		return mapper.createParser(line);
	}

	/**
	 * Parses every line of some output that starts like JSON.
	 * @param output captured output
	 * @return the parsed lines
	 */
	public static List<JsonNode> jsonLines(String output) {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : output.split("\n")) {
			if (line.startsWith("{")) {
				lines.add(parse(line));
			}
		}
		return lines;
	}

	public List<JsonNode> withRequestId(String requestId) {
		return matching((line) -> requestId.equals(text(line, CoreFields.REQUEST_ID)));
	}

	public List<JsonNode> matching(Predicate<JsonNode> predicate) {
		return sinceMark().stream().filter(predicate).toList();
	}

	/**
	 * Waits (at most 5 seconds) for the completion event of a request, which the server may write
	 * just after the client has read the response, and returns it.
	 */
	public JsonNode completion(String requestId) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		List<JsonNode> events = completions(requestId);
		while (events.isEmpty() && System.nanoTime() < deadline) {
			sleep();
			events = completions(requestId);
		}
		assertThat(events).as("completion events of " + requestId).hasSize(1);
		return events.get(0);
	}

	/**
	 * Returns the lines of a request once its completion event is written.
	 */
	public List<JsonNode> ofCompletedRequest(String requestId) {
		completion(requestId);
		return withRequestId(requestId);
	}

	private List<JsonNode> completions(String requestId) {
		return matching((line) -> "request completed".equals(text(line, CoreFields.MESSAGE))
				&& requestId.equals(text(line, CoreFields.REQUEST_ID)));
	}

	private static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String text(JsonNode line, String field) {
		JsonNode value = line.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

}
