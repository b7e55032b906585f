package io.fluxtail.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks shared by every shape: the whole run follows the contract, and
 * {@code /actuator/fluxtail} describes the lines that were really written.
 */
public final class ContractChecks {

	/** Presences of fields the starter itself does not write in this application. */
	private static final Set<String> NOT_WRITTEN_BY_THE_STARTER = Set.of("when-configured", "when-in-mdc");

	private ContractChecks() {
	}

	/**
	 * Asserts that every stdout line of a stopped application, from JVM start to exit, is one JSON
	 * object with the contract, that the run starts with Boot's first line and ends with its
	 * graceful shutdown, and that nothing went to stderr.
	 * @param app the stopped application
	 * @param service the expected {@code service}
	 * @return the parsed lines
	 */
	public static List<JsonNode> assertWholeRunFollowsTheContract(SmokeApp app, String service) {
		List<JsonNode> lines = LogLines.parseAll(app.stdout());
		LogLines.assertContract(lines, LogLines.CONTRACT);
		assertThat(lines).allMatch((line) -> service.equals(text(line, "service")));
		assertThat(text(lines.get(0), "message")).startsWith("Starting ");
		assertThat(lines.subList(Math.max(0, lines.size() - 3), lines.size())).as("the last lines")
			.anyMatch((line) -> "Graceful shutdown complete".equals(text(line, "message")));
		assertThat(app.stderr()).isEmpty();
		return lines;
	}

	/**
	 * Asserts that every line carries W3C-shaped trace and span ids, and that all lines with one
	 * {@code request_id} (a request, its tasks and the downstream call it made) share one trace.
	 * @param lines the lines of requests
	 */
	public static void assertOneTracePerRequest(List<JsonNode> lines) {
		assertThat(lines).isNotEmpty();
		assertThat(lines).allMatch((line) -> text(line, "trace_id") != null && text(line, "trace_id").matches("[0-9a-f]{32}"));
		assertThat(lines).allMatch((line) -> text(line, "span_id") != null && text(line, "span_id").matches("[0-9a-f]{16}"));
		Map<String, Set<String>> tracesByRequest = lines.stream()
			.collect(Collectors.groupingBy((line) -> text(line, "request_id"),
					Collectors.mapping((line) -> text(line, "trace_id"), Collectors.toSet())));
		assertThat(tracesByRequest).allSatisfy((request, traces) -> assertThat(traces).as(request).hasSize(1));
		assertThat(tracesByRequest.values().stream().flatMap(Set::stream).distinct().count())
			.as("distinct traces").isEqualTo(tracesByRequest.size());
	}

	/**
	 * Asserts that the endpoint's {@code fields} name every key seen on the lines (but the
	 * application's own), and that every field it describes as written was seen, but the expected
	 * exceptions; fields described on every line are on every line.
	 * @param endpoint the {@code /actuator/fluxtail} response
	 * @param lines the lines written so far
	 * @param applicationKeys keys the application itself adds
	 * @param describedButNotWritten fields described as written that this run cannot show
	 */
	public static void assertEndpointDescribesTheLines(JsonNode endpoint, List<JsonNode> lines,
			Set<String> applicationKeys, Set<String> describedButNotWritten) {
		Set<String> described = new TreeSet<>();
		endpoint.get("fields").forEach((field) -> described.add(text(field, "name")));
		Set<String> seen = LogLines.keys(lines);
		seen.removeAll(applicationKeys);
		assertThat(described).as("fields described by the endpoint").containsAll(seen);
		List<String> neverSeen = new ArrayList<>();
		for (JsonNode field : endpoint.get("fields")) {
			String name = text(field, "name");
			String presence = text(field, "presence");
			if (!NOT_WRITTEN_BY_THE_STARTER.contains(presence) && !seen.contains(name)) {
				neverSeen.add(name);
			}
			if ("every-line".equals(presence)) {
				assertThat(lines).as("lines with " + name).allMatch((line) -> line.has(name));
			}
		}
		assertThat(neverSeen).as("fields described as written but never seen")
			.containsExactlyInAnyOrderElementsOf(describedButNotWritten);
	}

}
