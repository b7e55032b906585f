package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass scan on literal input: which detectors (by index) it says to run.
 */
class TriggerScanTests {

	private final TriggerScan scan = new TriggerScan(List.of(Triggers.anyOf("ghp_", "gho_"), Triggers.anyOf("sk-ant-"),
			Triggers.anyOf("sk-"), Triggers.anyOf("://"), Triggers.digitRun(13), Triggers.anyOf("~")));

	@Test
	void aTextWithoutTriggersCostsNoResult() {
		assertThat(this.scan.scan("order 4921 accepted for tenant acme in 12ms")).isNull();
		assertThat(this.scan.scan("")).isNull();
	}

	@Test
	void everyDetectorWhoseLiteralOccursIsFoundInOnePassIncludingOverlappingLiterals() {
		assertThat(triggered("key sk-ant-api03-abc and gho_xyz")).containsExactly(0, 1, 2);
		assertThat(triggered("see https://example.com/~user")).containsExactly(3, 5);
	}

	@Test
	void aLiteralStartingWithAWordCharacterCountsOnlyAtTheStartOfAWord() {
		assertThat(this.scan.scan("task-ant")).isNull();
		assertThat(triggered("risk-sk-ant-x")).containsExactly(1, 2);
		assertThat(this.scan.scan("xghp_abc")).isNull();
		assertThat(triggered("(ghp_abc)")).containsExactly(0);
	}

	@Test
	void digitRunsMaySpanSingleSpacesOrDashes() {
		assertThat(triggered("card 4111 1111 1111 1111")).containsExactly(4);
		assertThat(this.scan.scan("call 555 0142 at 10")).isNull();
		assertThat(this.scan.scan("order ord-2026-000123456 and 1-800-555-0142")).isNull();
		assertThat(triggered("amex 3782 822463 10005")).containsExactly(4);
	}

	@Test
	void moreThanSixtyFourDetectorsEachKeepTheirOwnBit() {
		List<Triggers> triggers = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			triggers.add(Triggers.anyOf("p" + i + "_"));
		}
		TriggerScan wide = new TriggerScan(triggers);
		long[] found = wide.scan("tokens p129_x and p64_y");
		assertThat(found).isNotNull();
		List<Integer> set = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			if (isSet(found, i)) {
				set.add(i);
			}
		}
		assertThat(set).containsExactly(64, 129);
	}

	/** Detector {@code index} owns bit {@code index % 64} of word {@code index / 64}. */
	private static boolean isSet(long[] found, int index) {
		return (found[index >> 6] & (1L << index)) != 0;
	}

	private List<Integer> triggered(String text) {
		long[] found = this.scan.scan(text);
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; found != null && i < 6; i++) {
			if (isSet(found, i)) {
				indexes.add(i);
			}
		}
		return indexes;
	}

}
