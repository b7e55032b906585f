package io.fluxtail.logging.redaction;

import java.util.List;

import io.fluxtail.logging.contract.CoreFields;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SensitiveKeysTests {

	private final SensitiveKeys keys = SensitiveKeys.defaultsPlus(List.of());

	@Test
	void matchingIgnoresCaseAndSeparators() {
		assertThat(List.of("password", "PASSWORD", "Pass-Word", "api_key", "apiKey", "API-KEY", "Set-Cookie",
				"set_cookie", "accessToken", "ACCESS_TOKEN", "client.secret", "Authorization"))
			.allMatch(this.keys::matches);
	}

	@Test
	void namesEndingWithASensitiveNameMatch() {
		assertThat(List.of("db.password", "spring.datasource.password", "x-api-key", "github_token", "stripeSecret",
				"proxy-authorization", "jsessionid"))
			.allMatch(this.keys::matches);
	}

	@Test
	void ordinaryNamesDoNotMatch() {
		assertThat(List.of(CoreFields.REQUEST_ID, CoreFields.TRACE_ID, CoreFields.SPAN_ID, "order_id", "tenant_id",
				"token_count", "max_tokens", "password_policy_url", "session_count", "user_id", "duration_ms", "", "-"))
			.noneMatch(this.keys::matches);
	}

	@Test
	void aCounterOrANameThatMerelyContainsACredentialWordIsNoCredential() {
		assertThat(List.of("token", "api_key", "client_secret", "password", "authToken", "X-Auth-Token", "refreshToken"))
			.allMatch(this.keys::matches);
		assertThat(List.of("prompt_tokens", "completion_tokens", "token_count", "max_tokens", "max_token", "maxToken",
				"prompt_token", "num_token", "total-token", "password_policy", "passwordLength", "secret_name"))
			.noneMatch(this.keys::matches);
	}

	@Test
	void partOfATextCanBeCheckedWithoutCopyingIt() {
		String text = "login user=bob pwd=x";
		assertThat(this.keys.matches(text, 6, 10)).isFalse();
		assertThat(this.keys.matches(text, 15, 18)).isTrue();
	}

	@Test
	void extraNamesAreAdded() {
		SensitiveKeys withPin = SensitiveKeys.defaultsPlus(List.of("pin"));
		assertThat(withPin.matches("card_pin")).isTrue();
		assertThat(this.keys.matches("card_pin")).isFalse();
	}

	@Test
	void aNameWithoutLettersOrDigitsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> SensitiveKeys.of(List.of("--")));
	}

}
