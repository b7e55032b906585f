package io.fluxtail.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks shared by every shape: the whole run follows the contract, and
 * {@code /actuator/fluxtail} describes the lines that were really written.
 */
public final class ContractChecks {

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
			if (!"when-configured".equals(presence) && !seen.contains(name)) {
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
