package io.fluxtail.propagation;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTests {

	@Test
	void aStatusIsASuccessBelow400TheClientsErrorBelow500AndAnErrorFrom500() {
		assertThat(Outcome.ofStatus(200)).isEqualTo(Outcome.SUCCESS);
		assertThat(Outcome.ofStatus(302)).isEqualTo(Outcome.SUCCESS);
		assertThat(Outcome.ofStatus(404)).isEqualTo(Outcome.CLIENT_ERROR);
		assertThat(Outcome.ofStatus(503)).isEqualTo(Outcome.ERROR);
	}

	@Test
	void workThatThrewIsAnErrorAndOnlyAnErrorIsWrittenAtErrorLevel() {
		assertThat(Outcome.of(new IllegalStateException("boom"))).isEqualTo(Outcome.ERROR);
		assertThat(Outcome.of(null)).isEqualTo(Outcome.SUCCESS);
		assertThat(Outcome.ERROR.level()).isEqualTo(Level.ERROR);
		assertThat(Outcome.CLIENT_ERROR.level()).isEqualTo(Level.INFO);
		assertThat(Outcome.CANCELLED.level()).isEqualTo(Level.INFO);
	}

}
