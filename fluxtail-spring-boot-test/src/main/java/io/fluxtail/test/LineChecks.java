package io.fluxtail.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.Findings;
import io.fluxtail.logging.redaction.RedactionPolicy;
import tools.jackson.databind.JsonNode;

/**
 * The checks of a whole line: the contract, and secrets. Each returns what it found wrong, one
 * sentence each, naming fields and detectors but never a secret.
 */
final class LineChecks {

	private LineChecks() {
	}

	/**
	 * The contract's fields on a line: every required field is there with a non-empty text, and
	 * every field set by configuration has its configured value.
	 */
	static List<String> contractProblems(LogLine line) {
		List<String> problems = new ArrayList<>();
		for (FieldSpec spec : line.context().contract().fields()) {
			JsonNode value = line.field(spec.outputName());
			String text = LogLine.textOf(value);
			if (spec.required() && (value == null || !value.isString() || text == null || text.isEmpty())) {
				problems.add(line + ": required field \"" + spec.outputName() + "\" is "
						+ ((value == null) ? "absent" : FieldValues.describe(value)));
			}
			else if (spec.value() != null && !spec.value().equals(text)) {
				problems.add(line + ": field \"" + spec.outputName() + "\" is configured as \"" + spec.value()
						+ "\" but is " + ((value == null) ? "absent" : FieldValues.describe(value)));
			}
		}
		return problems;
	}

	/**
	 * Every value the application passed, before redaction, through every detector of the
	 * policy and its key rule.
	 */
	static List<String> secrets(LogLine line) {
		List<String> found = new ArrayList<>();
		for (Map.Entry<String, JsonNode> field : line.raw().properties()) {
			scan(line, field.getKey(), field.getKey(), field.getValue(), found);
		}
		return found;
	}

	static String joined(List<String> problems) {
		return String.join(System.lineSeparator() + "  ", problems);
	}

	private static void scan(LogLine line, String name, String path, JsonNode value, List<String> found) {
		RedactionPolicy policy = line.context().detection();
		if (value.isObject()) {
			for (Map.Entry<String, JsonNode> child : value.properties()) {
				scan(line, child.getKey(), path + "." + child.getKey(), child.getValue(), found);
			}
			return;
		}
		if (value.isArray()) {
			for (int i = 0; i < value.size(); i++) {
				scan(line, name, path + "[" + i + "]", value.get(i), found);
			}
			return;
		}
		String text = LogLine.textOf(value);
		if (text == null || text.isEmpty()) {
			return;
		}
		if (policy.isSensitiveKey(name) && !text.startsWith("[REDACTED")) {
			found.add(line.brief() + ": field \"" + path + "\" is named like a secret (the key rule), and its value has "
					+ text.length() + " characters");
			return;
		}
		for (Detector detector : policy.detectors()) {
			Findings findings = Findings.of(detector, text);
			if (findings.size() > 0) {
				found.add(line.brief() + ": field \"" + path + "\" holds what detector \"" + detector.id() + "\" finds ("
						+ (findings.end(0) - findings.start(0)) + " characters at " + findings.start(0) + ")");
			}
		}
	}

}
