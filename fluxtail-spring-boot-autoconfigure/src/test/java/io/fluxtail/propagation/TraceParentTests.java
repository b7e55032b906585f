package io.fluxtail.propagation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

	@Test
	void aValidHeaderIsParsed() {
		assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.isEqualTo(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01"));
	}

	@Test
	void aFutureVersionMayCarryMoreFields() {
		assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future"))
			.extracting(TraceParent::traceId)
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-011",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"0x-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz",
			"cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x" })
	void malformedHeadersAreIgnored(String header) {
		assertThat(TraceParent.parse(header)).isNull();
	}

}
