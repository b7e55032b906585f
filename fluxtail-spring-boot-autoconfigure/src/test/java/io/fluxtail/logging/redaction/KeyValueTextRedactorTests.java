package io.fluxtail.logging.redaction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyValueTextRedactorTests {

	private final KeyValueTextRedactor pairs = new KeyValueTextRedactor(SensitiveKeys.defaultsPlus(List.of()),
			new Replacement(false));

	private final Redactor redactor = (text, listener) -> this.pairs.redact(text, listener);

	@Test
	void valuesAfterSensitiveNamesAreReplacedInEveryNotation() {
		assertThat(this.redactor.redact("login user=bob password=hunter2 ok", RedactionListener.none())).isEqualTo("login user=bob password=[REDACTED:sensitive_key] ok");
		assertThat(this.redactor.redact("db.password: hunter2", RedactionListener.none())).isEqualTo("db.password: [REDACTED:sensitive_key]");
		assertThat(this.redactor.redact("{\"user\":\"bob\",\"api_key\":\"k-1\\\"2\"}", RedactionListener.none()))
			.isEqualTo("{\"user\":\"bob\",\"api_key\":\"[REDACTED:sensitive_key]\"}");
		assertThat(this.redactor.redact("token='abc def'", RedactionListener.none())).isEqualTo("token='[REDACTED:sensitive_key]'");
		assertThat(this.redactor.redact("GET /cb?access_token=abc123&state=xyz", RedactionListener.none()))
			.isEqualTo("GET /cb?access_token=[REDACTED:sensitive_key]&state=xyz");
	}

	@Test
	void anAuthorizationSchemeIsKeptWithItsCredentialRemoved() {
		assertThat(this.redactor.redact("Authorization: Digest abc123, realm=x", RedactionListener.none()))
			.isEqualTo("Authorization: Digest [REDACTED:sensitive_key], realm=x");
	}

	@Test
	void alreadyRedactedValuesAndOrdinaryPairsAreLeftAlone() {
		List<String> texts = List.of("Authorization: Bearer [REDACTED:jwt]", "order_id=4921 tenant=acme",
				"at 10:14:03 see https://example.com/a:b", "token_count=42", "[REDACTED:github_token:ghp_]");
		assertThat(texts).allMatch((text) -> this.redactor.redact(text, RedactionListener.none()) == text);
	}

}
