package io.fluxtail.web;

import java.util.List;

import io.fluxtail.propagation.RequestContextStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCompletionTests {

	@Test
	void pathsUnderAnExcludedPatternGetNoCompletionLine() {
		RequestCompletion completion = new RequestCompletion(List.of("/actuator/**", "/internal/{id}/ping"),
				new RequestContextStats());
		assertThat(completion.isExcluded("/actuator")).isTrue();
		assertThat(completion.isExcluded("/actuator/health/liveness")).isTrue();
		assertThat(completion.isExcluded("/internal/7/ping")).isTrue();
		assertThat(completion.isExcluded("/%61ctuator/health")).as("encoded, matched after decoding").isTrue();
		assertThat(completion.isExcluded("/actuatorial")).isFalse();
		assertThat(completion.isExcluded("/orders/actuator/health")).isFalse();
		assertThat(completion.isExcluded("/internal/7/pong")).isFalse();
		assertThat(completion.isExcluded("/ping")).isFalse();
	}

	@Test
	void aPatternStartingWithAWildcardIsMatchedOnEveryPath() {
		RequestCompletion completion = new RequestCompletion(List.of("/**/favicon.ico"),
				new RequestContextStats());
		assertThat(completion.isExcluded("/static/img/favicon.ico")).isTrue();
		assertThat(completion.isExcluded("/ping")).isFalse();
	}

}
