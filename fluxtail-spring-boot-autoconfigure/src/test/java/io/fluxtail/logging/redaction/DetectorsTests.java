package io.fluxtail.logging.redaction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in detector on literal input, next to the literal expected output.
 */
class DetectorsTests {

	private final RedactionStats stats = new RedactionStats();

	private final Redactor redactor = redactor(new Replacement(false), this.stats);

	private final Redactor partial = redactor(new Replacement(true), new RedactionStats());

	private static Redactor redactor(Replacement replacement, RedactionStats stats) {
		CompiledDetectors detectors = new CompiledDetectors(Detectors.defaults());
		return (text) -> detectors.redact(text, replacement, stats);
	}

	/** The detectors alone, counting into one stats object. */
	private interface Redactor {

		String redact(String text);

	}

	@Test
	void jwtIsReplacedWhole() {
		assertThat(this.redactor.redact("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk end"))
			.isEqualTo("token [REDACTED:jwt] end");
	}

	@Test
	void bearerAndBasicCredentialsKeepTheirScheme() {
		assertThat(this.redactor.redact("Authorization: Bearer 0a1b2c3d4e5f6a7b8c9d")).isEqualTo("Authorization: Bearer [REDACTED:bearer]");
		assertThat(this.redactor.redact("Authorization: Basic dXNlcjpodW50ZXIy")).isEqualTo("Authorization: Basic [REDACTED:basic_auth]");
	}

	@Test
	void proseAfterBearerOrBasicIsNotACredential() {
		assertThat(List.of("Bearer authentication required", "Basic configuration loaded", "basic auth enabled"))
			.allMatch((text) -> this.redactor.redact(text) == text);
	}

	@Test
	void cloudSourceHostingPaymentAndChatTokensAreReplaced() {
		assertThat(this.redactor.redact("keys AKIAIOSFODNN7EXAMPLE AIzaSyA1234567890abcdefghijklmnopqrstuv"))
			.isEqualTo("keys [REDACTED:aws_access_key] [REDACTED:google_api_key]");
		assertThat(this.redactor.redact("ghp_0123456789abcdefghijklmnopqrstuvwxyz glpat-abcdefghij0123456789"))
			.isEqualTo("[REDACTED:github_token] [REDACTED:gitlab_token]");
		assertThat(this.redactor.redact("sk_live_4eC39HqLyjWDarjtT1zdp7dc xoxb-1234567890-abcdefghijkl"))
			.isEqualTo("[REDACTED:stripe_key] [REDACTED:slack_token]");
		assertThat(this.redactor.redact("bot 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"))
			.isEqualTo("bot [REDACTED:telegram_bot_token]");
	}

	@Test
	void webhookUrlsLoseTheirSecretPath() {
		assertThat(this.redactor.redact("post to https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnopqrstuvwx"))
			.isEqualTo("post to https://hooks.slack.com/services/[REDACTED:slack_webhook]");
		assertThat(this.redactor.redact("https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz-_0123"))
			.isEqualTo("https://discord.com/api/webhooks/[REDACTED:discord_webhook]");
	}

	@Test
	void privateKeyBlocksAreReplacedWholeEvenWhenCut() {
		assertThat(this.redactor.redact("key -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY----- loaded"))
			.isEqualTo("key [REDACTED:private_key] loaded");
		assertThat(this.redactor.redact("key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"))
			.isEqualTo("key [REDACTED:private_key]");
	}

	@Test
	void onlyThePasswordOfAUrlIsReplaced() {
		assertThat(this.redactor.redact("jdbc:postgresql://app:s3cret@db:5432/orders"))
			.isEqualTo("jdbc:postgresql://app:[REDACTED:url_password]@db:5432/orders");
		String userOnly = "https://user@example.com/profile";
		assertThat(this.redactor.redact(userOnly)).isSameAs(userOnly);
	}

	@Test
	void cardNumbersAreLuhnCheckedWithOrWithoutSeparators() {
		assertThat(this.redactor.redact("cards 4111 1111 1111 1111, 5555-5555-5555-4444 and 378282246310005"))
			.isEqualTo("cards [REDACTED:card], [REDACTED:card] and [REDACTED:card]");
		assertThat(List.of("4111 1111 1111 1112", "1732400000000", "1732400000000123", "v4111111111111111",
				"12345678-1234-1234-1234-123456789012", "0.4111111111111111"))
			.allMatch((text) -> this.redactor.redact(text) == text);
	}

	@Test
	void emailAddressesAreReplaced() {
		assertThat(this.redactor.redact("sent to jane.doe+billing@example.co.uk.")).isEqualTo("sent to [REDACTED:email].");
		String objectName = "com.acme.OrderService@5e9f23b4";
		assertThat(this.redactor.redact(objectName)).isSameAs(objectName);
	}

	@Test
	void partialModeKeepsOnlyASafeHint() {
		assertThat(this.partial.redact("card 4111 1111 1111 1111 key ghp_0123456789abcdefghijklmnopqrstuvwxyz"))
			.isEqualTo("card [REDACTED:card:****1111] key [REDACTED:github_token:ghp_]");
		assertThat(this.partial.redact("mail jane@example.com")).isEqualTo("mail [REDACTED:email:@example.com]");
	}

	@Test
	void textWithoutTriggersIsReturnedAsIsAndNothingIsCounted() {
		String text = "order 4921 accepted for tenant acme in 12ms, trace 4bf92f3577b34da6a3ce929d0e0e4736";
		assertThat(this.redactor.redact(text)).isSameAs(text);
		assertThat(this.stats.redactionsByDetector()).isEmpty();
	}

	@Test
	void everyRedactionIsCountedByDetector() {
		this.redactor.redact("a@example.com b@example.com 4111111111111111");
		assertThat(this.stats.redactionsByDetector()).containsEntry("email", 2L).containsEntry("card", 1L);
	}

	@Test
	void everyBuiltInDetectorHasAUniqueIdAndADescription() {
		assertThat(Detectors.defaults()).extracting(Detector::id).doesNotHaveDuplicates();
		assertThat(Detectors.defaults()).allSatisfy((detector) -> {
			assertThat(detector.description()).isNotBlank().isNotEqualTo(detector.id());
			assertThat(detector.triggers().isAlways()).as(detector.id() + " has cheap triggers").isFalse();
		});
	}

}
