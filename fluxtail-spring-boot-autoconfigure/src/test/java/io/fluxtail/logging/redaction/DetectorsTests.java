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
	void debugOnDemandTokensAreReplacedWholeWithTheirPathPrefix() {
		assertThat(this.redactor.redact("X-Fluxtail-Debug: 1765000600:/orders/v1.2.fad3d2557025579b94c2c7a33a4bd0180079aaf082273e6e782562dfa60daa29 sent"))
			.isEqualTo("X-Fluxtail-Debug: [REDACTED:fluxtail_debug_token] sent");
		assertThat(this.redactor.redact("order 1765000600 shipped in 2 parcels")).isEqualTo("order 1765000600 shipped in 2 parcels");
		String mac = "fad3d2557025579b94c2c7a33a4bd0180079aaf082273e6e782562dfa60daa29";
		// the MAC at the very end, after a path with dots of its own, or without a path
		assertThat(this.redactor.redact("v1.2 token=1765000600:/a.b/c." + mac)).isEqualTo("v1.2 token=[REDACTED:fluxtail_debug_token]");
		assertThat(this.redactor.redact("1765000600." + mac)).isEqualTo("[REDACTED:fluxtail_debug_token]");
		assertThat(this.redactor.redact("1765000600." + mac.substring(1))).isEqualTo("1765000600." + mac.substring(1));
	}

	@Test
	void everyTokenOfALineIsFoundWhereverItsPrefixRecurs() {
		String token = "ghp_0123456789abcdefghijklmnopqrstuvwxyz";
		// a prefix that starts no token, then tokens back to back and at the very end
		assertThat(this.redactor.redact("ghp_short, " + token + " " + token + "," + token))
			.isEqualTo("ghp_short, [REDACTED:github_token] [REDACTED:github_token],[REDACTED:github_token]");
		// the look-behind still sees the text before the prefix: a token inside a word is none
		assertThat(this.redactor.redact("xghp_0123456789abcdefghijklmnopqrstuvwxyz"))
			.isEqualTo("xghp_0123456789abcdefghijklmnopqrstuvwxyz");
	}

	@Test
	void anExpressionRunsOnlyOnTextsItsCheapTestAccepts() {
		PatternDetector detector = PatternDetector.of("order_code", "order codes", "ord-[0-9]{9}", Triggers.digitRun(9))
			.onlyWhere((text) -> text.contains("ord-"));
		assertThat(noFindingsOf(detector, "ord-100000001")).isFalse();
		assertThat(noFindingsOf(detector.onlyWhere((text) -> false), "ord-100000001")).isTrue();
	}

	private static boolean noFindingsOf(Detector detector, String text) {
		Findings findings = new Findings();
		findings.detector(detector.id(), text, 0);
		detector.detect(text, findings);
		return findings.isEmpty();
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
	void preSignedUrlsLoseTheirSignatureAndSessionTokenButKeepWhatTheyPointAt() {
		assertThat(this.redactor.redact("GET https://acct.blob.core.windows.net/exports/orders.csv?sv=2022-11-02&sp=r"
				+ "&se=2026-12-31T23:59:59Z&sig=Xk3%2BqJ7vL0mP9sT2wR5yZ8aB4cD6eF1gH3iJ5kL7mN0%3D failed"))
			.isEqualTo("GET https://acct.blob.core.windows.net/exports/orders.csv?sv=2022-11-02&sp=r"
					+ "&se=2026-12-31T23:59:59Z&sig=[REDACTED:url_signature] failed");
		assertThat(this.redactor.redact("https://orders.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
				+ "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261207%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Expires=900"
				+ "&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEHsaCWV1LXdlc3QtMSJHMEUCIQD%2F&X-Amz-SignedHeaders=host"
				+ "&X-Amz-Signature=9f2c4a1b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3#page=2"))
			.isEqualTo("https://orders.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
					+ "&X-Amz-Credential=[REDACTED:aws_access_key]%2F20261207%2Feu-west-1%2Fs3%2Faws4_request"
					+ "&X-Amz-Expires=900&X-Amz-Security-Token=[REDACTED:url_signature]&X-Amz-SignedHeaders=host"
					+ "&X-Amz-Signature=[REDACTED:url_signature]#page=2");
		assertThat(this.redactor.redact("\"https://storage.googleapis.com/b/o?x-goog-signature=7c1e9a&X-Goog-Date=20261207T104500Z\""))
			.isEqualTo("\"https://storage.googleapis.com/b/o?x-goog-signature=[REDACTED:url_signature]&X-Goog-Date=20261207T104500Z\"");
		assertThat(this.redactor.redact("<a href=\"/video.mp4?Expires=1796083200&amp;Signature=Qx3~kT9-Lm2_&amp;Key-Pair-Id=K2JC\">"))
			.isEqualTo("<a href=\"/video.mp4?Expires=1796083200&amp;Signature=[REDACTED:url_signature]&amp;Key-Pair-Id=K2JC\">");
		assertThat(List.of("https://cdn.example.com/logo.png?design=2&signed=true", "signature=ok for order 4921",
				"https://orders.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900",
				"https://example.com/docs?topic=sig&lang=en"))
			.allMatch((text) -> this.redactor.redact(text) == text);
	}

	@Test
	void passwordsOfConnectionStringsAreReplacedInTheirCommonForms() {
		assertThat(this.redactor.redact("cache redis://:s3cr3t-pw@cache:6379/0 up"))
			.isEqualTo("cache redis://:[REDACTED:url_password]@cache:6379/0 up");
		assertThat(this.redactor.redact("jdbc:mysql://db:3306/orders?user=app&password=s3cr3t&useSSL=true"))
			.isEqualTo("jdbc:mysql://db:3306/orders?user=app&password=[REDACTED:jdbc_password]&useSSL=true");
		assertThat(this.redactor.redact("jdbc:sqlserver://db:1433;user=sa;password=s3cr3t;encrypt=true"))
			.isEqualTo("jdbc:sqlserver://db:1433;user=sa;password=[REDACTED:jdbc_password];encrypt=true");
		assertThat(this.redactor.redact("jdbc:oracle:thin:scott/tiger@//db:1521/ORCL"))
			.isEqualTo("jdbc:oracle:thin:scott/[REDACTED:jdbc_password]@//db:1521/ORCL");
		assertThat(this.redactor.redact("Server=db;User Id=app;Password=s3 cr;3t;Encrypt=True"))
			.isEqualTo("Server=db;User Id=app;Password=[REDACTED:connection_string_password];3t;Encrypt=True");
		assertThat(this.redactor.redact("Driver={ODBC Driver 18};Server=db;PWD={p;w}}d};"))
			.isEqualTo("Driver={ODBC Driver 18};Server=db;PWD=[REDACTED:connection_string_password];");
		assertThat(this.redactor.redact("Data Source=db;Password='it''s';"))
			.isEqualTo("Data Source=db;Password=[REDACTED:connection_string_password];");
		assertThat(List.of("jdbc:postgresql://db:5432/orders?sslmode=require", "Server=db;Trusted_Connection=True;",
				"password reset requested", "jdbc:oracle:thin:@//db:1521/ORCL"))
			.allMatch((text) -> this.redactor.redact(text) == text);
	}

	@Test
	void ibansAreCheckedByLengthAndMod97() {
		assertThat(this.redactor.redact("pay to DE89370400440532013000 today"))
			.isEqualTo("pay to [REDACTED:iban] today");
		assertThat(this.redactor.redact("pay to GB29 NWBK 6016 1331 9268 19.")).isEqualTo("pay to [REDACTED:iban].");
		assertThat(this.partial.redact("DE89370400440532013000")).isEqualTo("[REDACTED:iban:DE**3000]");
		assertThat(List.of("DE89370400440532013001", "DE8937040044053201300", "XX89370400440532013000",
				"SKU DE89370400440532013000X", "order 1234567890123"))
			.allMatch((text) -> this.redactor.redact(text) == text);
	}

	@Test
	void providerTokensAreNamedAfterTheirProviderAndKeepOnlyTheirPrefixAsHint() {
		String sendgrid = "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";
		assertThat(this.redactor.redact("key " + sendgrid)).isEqualTo("key [REDACTED:sendgrid_api_key]");
		assertThat(this.partial.redact("npm_abcdefghijklmnopqrstuvwxyz0123456789"))
			.isEqualTo("[REDACTED:npm_token:npm_]");
		assertThat(this.redactor.redact("Authorization: Bearer dop_v1_" + "ab12".repeat(16)))
			.isEqualTo("Authorization: Bearer [REDACTED:digitalocean_token]");
		assertThat(List.of("sk-SK", "hf_version=2", "npm_config_cache=/tmp", "SKU12345678", "ch_3PqR8sT2uVwXyZ1a"))
			.allMatch((text) -> this.redactor.redact(text) == text);
	}

	@Test
	void aDetectorOfYourOwnCanBeTestedAloneThroughFindings() {
		Detector badge = PatternDetector.of("badge", "badges", "EMP-\\d{6}", Triggers.anyOf("EMP-"));
		Findings findings = Findings.of(badge, "badges EMP-123456 and EMP-654321");
		assertThat(findings.size()).isEqualTo(2);
		assertThat(findings.secret(0)).isEqualTo("EMP-123456");
		assertThat(findings.start(1)).isEqualTo(22);
		assertThat(findings.end(1)).isEqualTo(32);
		assertThat(Findings.of(badge, "no badge here").size()).isZero();
	}

	@Test
	void detectorsListedForServiceLoaderAreFound() {
		assertThat(Detectors.registered(getClass().getClassLoader())).isEmpty();
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
			assertThat(detector.id()).matches("[a-z0-9_]{1,40}");
		});
		assertThat(Detectors.defaults()).extracting(Detector::id)
			.contains("sendgrid_api_key", "npm_token", "openai_api_key", "digitalocean_token", "vault_token",
					"anthropic_api_key", "teams_webhook", "brevo_api_key", "twilio_api_key", "square_token",
					"shopify_token", "pypi_token", "rubygems_api_key", "artifactory_token", "doppler_token",
					"onepassword", "age_secret_key", "heroku_api_key", "pulumi_token", "planetscale_token",
					"terraform_cloud_token", "huggingface_token", "databricks_token", "sentry_token", "grafana_token",
					"dynatrace_token", "newrelic_key", "google_oauth", "azure_ad_client_secret", "atlassian_api_token",
					"postman_api_key", "linear_api_key", "notion_token", "jdbc_password", "connection_string_password",
					"iban", "url_signature");
	}

}
