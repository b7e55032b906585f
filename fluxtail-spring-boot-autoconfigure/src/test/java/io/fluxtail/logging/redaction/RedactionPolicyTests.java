package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedactionPolicyTests {

	private final RedactionStats stats = new RedactionStats();

	@Test
	void longValuesAreCutWithTheirOriginalLength() {
		RedactionPolicy policy = RedactionPolicy.builder().limits(new SizeLimits(100, 64)).build();
		String huge = "x".repeat(10 * 1024 * 1024);
		assertThat(policy.redactText(huge, 64, this.stats)).isEqualTo("x".repeat(64) + "...[TRUNCATED:10485760 chars]");
		assertThat(this.stats.truncations()).isEqualTo(1);
	}

	@Test
	void aSecretStraddlingTheLimitIsRedactedBeforeTheCut() {
		RedactionPolicy policy = RedactionPolicy.defaults();
		String text = "x".repeat(60) + " ghp_0123456789abcdefghijklmnopqrstuvwxyz " + "y".repeat(2000);
		assertThat(policy.redactText(text, 64, this.stats)).startsWith("x".repeat(60) + " [RE").doesNotContain("ghp_0123");
	}

	@Test
	void aSurrogatePairIsNeverSplit() {
		String emoji = "\uD83D\uDE00";
		assertThat(SizeLimits.truncate("a" + emoji + "bc", 2, 4)).isEqualTo("a...[TRUNCATED:4 chars]");
	}

	@Test
	void longFieldNamesKeepTheirFirst256CharactersAndTheirOriginalLength() {
		String name = "n".repeat(SizeLimits.MAX_NAME_CHARS);
		assertThat(SizeLimits.boundName(name, this.stats)).isSameAs(name);
		assertThat(SizeLimits.boundName(name + "x".repeat(1024 * 1024), this.stats))
			.isEqualTo(name + "[TRUNCATED:1048832]");
		assertThat(SizeLimits.boundName("n".repeat(255) + "\uD83D\uDE00", this.stats))
			.isEqualTo("n".repeat(255) + "[TRUNCATED:257]");
		assertThat(this.stats.truncations()).isEqualTo(2);
	}

	@Test
	void aCleanTextIsSearchedOnceWhileTheSameObjectComesBackButAnEqualCopyIsSearchedAgain() {
		CountingDetector counting = new CountingDetector();
		RedactionPolicy policy = RedactionPolicy.builder().detectors(List.of(counting)).build();
		String tenant = "tenant acme-eu-west-1";
		policy.redactText(tenant, 1000, this.stats);
		policy.redactText(tenant, 1000, this.stats);
		assertThat(counting.searches).isEqualTo(1);
		policy.redactText(new String(tenant), 1000, this.stats);
		assertThat(counting.searches).isEqualTo(2);
	}

	@Test
	void aTextWithASecretIsRedactedEveryTime() {
		RedactionPolicy policy = RedactionPolicy.defaults();
		String leaked = "token ghp_0123456789abcdefghijklmnopqrstuvwxyz";
		for (int i = 0; i < 3; i++) {
			assertThat(policy.redactText(leaked, 1000, this.stats)).doesNotContain("ghp_0123");
		}
		assertThat(this.stats.redactionsByDetector()).containsEntry("github_token", 3L);
	}

	@Test
	void aFailingDetectorIsReportedOnceAndTheValueItCouldNotCheckIsWithheld() {
		List<String> reports = new ArrayList<>();
		Detector broken = new FailingDetector();
		RedactionPolicy policy = RedactionPolicy.builder().detectors(List.of(broken)).build();
		this.stats.reportFailuresTo(reports::add);
		assertThat(policy.redactText("customer secret data", 1000, this.stats)).isEqualTo("[REDACTED:broken:unchecked]");
		assertThat(policy.redactText("more data", 1000, this.stats)).isEqualTo("[REDACTED:broken:unchecked]");
		assertThat(reports).singleElement().asString().contains("broken").contains("bug in custom rule");
		assertThat(this.stats.failuresByDetector()).containsEntry("broken", 2L);
	}

	@Test
	void aCatastrophicCustomPatternIsCaughtToo() {
		Detector recursive = PatternDetector.of("recursive", "deep recursion", "(a|b)*c", Triggers.always());
		RedactionPolicy policy = RedactionPolicy.builder().detectors(List.of(recursive)).build();
		assertThat(policy.redactText("ab".repeat(5000), 100_000, this.stats)).isEqualTo("[REDACTED:recursive:unchecked]");
	}

	@Test
	void detectorsAddedAtRuntimeRunAfterTheConfiguredOnesAndCanBeRemoved() {
		RedactionPolicy configured = RedactionPolicy.defaults();
		ActiveRedaction active = new ActiveRedaction(configured);
		Detector badge = PatternDetector.of("badge", "badges", "EMP-\\d{6}", Triggers.anyOf("EMP-"));
		active.setExtraDetectors(List.of(badge));
		assertThat(active.policy().redactText("EMP-123456 jane@example.com", 100, active.stats()))
			.isEqualTo("[REDACTED:badge] [REDACTED:email]");
		assertThat(active.policy().ids()).contains(SensitiveKeys.ID, "email", "badge");
		assertThat(active.stats().redactionsByDetector()).containsEntry("badge", 1L).containsEntry("email", 1L);
		assertThat(configured.detectors()).as("the compiled policy never changes").extracting(Detector::id)
			.doesNotContain("badge");
		active.setExtraDetectors(List.of());
		assertThat(active.policy()).isSameAs(configured);
	}

	@Test
	void aPolicyCountsNothingItselfTheCallerDecides() {
		RedactionPolicy policy = RedactionPolicy.defaults();
		assertThat(policy.redactNamedText("password", "hunter2", RedactionListener.none()))
			.isEqualTo("[REDACTED:sensitive_key]");
		assertThat(policy.redactNamedText("note", "mail jane@example.com", this.stats)).isEqualTo("mail [REDACTED:email]");
		assertThat(this.stats.redactionsByDetector()).containsOnlyKeys("email");
	}

	@Test
	void aRuntimeDetectorCannotReuseAnId() {
		ActiveRedaction active = new ActiveRedaction(RedactionPolicy.defaults());
		Detector email = PatternDetector.of("email", "mine", "x", Triggers.anyOf("x"));
		assertThatIllegalArgumentException().isThrownBy(() -> active.setExtraDetectors(List.of(email)));
	}

	@Test
	void disabledRedactsNothingButStillBounds() {
		RedactionPolicy policy = RedactionPolicy.builder().enabled(false).limits(new SizeLimits(64, 64)).build();
		assertThat(policy.isSensitiveKey("password")).isFalse();
		assertThat(policy.redactText("jane@example.com", 64, this.stats)).isEqualTo("jane@example.com");
		assertThat(policy.redactText("z".repeat(65), 64, this.stats)).endsWith("...[TRUNCATED:65 chars]");
	}

	/**
	 * Finds nothing, and counts how often it is asked to.
	 */
	private static final class CountingDetector implements Detector {

		int searches;

		@Override
		public String id() {
			return "counting";
		}

		@Override
		public void detect(String text, Findings findings) {
			this.searches++;
		}

	}

}
