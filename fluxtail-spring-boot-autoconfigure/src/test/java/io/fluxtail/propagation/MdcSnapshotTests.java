package io.fluxtail.propagation;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class MdcSnapshotTests {

	@AfterEach
	void clear() {
		MDC.clear();
	}

	@Test
	void closingPutsBackChangedRemovedAndLeakedKeys() {
		MDC.put("kept", "1");
		MDC.put("changed", "before");
		MDC.put("removed", "x");
		try (MdcSnapshot snapshot = MdcSnapshot.capture()) {
			MDC.put("changed", "during");
			MDC.remove("removed");
			MDC.put("leaked", "y");
		}
		assertThat(MDC.getCopyOfContextMap()).containsExactlyInAnyOrderEntriesOf(
				Map.of("kept", "1", "changed", "before", "removed", "x"));
	}

	@Test
	void anEmptyMdcIsLeftEmpty() {
		try (MdcSnapshot snapshot = MdcSnapshot.capture()) {
			MDC.put("leaked", "y");
		}
		Map<String, String> after = MDC.getCopyOfContextMap();
		assertThat(after == null || after.isEmpty()).isTrue();
	}

}
