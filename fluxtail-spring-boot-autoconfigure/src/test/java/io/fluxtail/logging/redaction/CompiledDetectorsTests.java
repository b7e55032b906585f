package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled detector list runs the detectors a text triggers, wherever they are in the list.
 */
class CompiledDetectorsTests {

	@Test
	void detectorsTriggeredInEveryWordOfTheScanRunAndNoOthers() {
		List<Detector> detectors = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			detectors.add(PatternDetector.of("d" + i, "test tokens " + i, "p" + i + "_[0-9]{3}", Triggers.anyOf("p" + i + "_")));
		}
		CompiledDetectors compiled = new CompiledDetectors(detectors);
		RedactionStats stats = new RedactionStats();

		String redacted = compiled.redact("a p3_123, a p64_456 and a p129_789, not p7_x", new Replacement(false), stats);

		assertThat(redacted).isEqualTo("a [REDACTED:d3], a [REDACTED:d64] and a [REDACTED:d129], not p7_x");
	}

	@Test
	void aTextThatTriggersNothingIsReturnedAsIs() {
		CompiledDetectors compiled = new CompiledDetectors(Detectors.defaults());
		String text = "order accepted for customer 42";

		assertThat(compiled.redact(text, new Replacement(false), new RedactionStats())).isSameAs(text);
	}

}
