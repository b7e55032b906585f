package io.fluxtail.logging.debug;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DebugTokensTests {

	private static final String KEY = "0123456789abcdef0123456789abcdef";

	private static final long NOW = 1_765_000_000L;

	private final DebugTokens tokens = new DebugTokens(KEY, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

	@Test
	void aTokenSignedWithTheKeyAndNotExpiredIsAccepted() {
		assertThat(this.tokens.check(this.tokens.mint(NOW + 600, null), "/orders/42")).isEqualTo(TokenCheck.ACCEPTED);
	}

	@Test
	void theTokenIsTheOneOpensslMints() {
		// printf '%s' '1765000600:/orders' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
		assertThat(this.tokens.mint(NOW + 600, "/orders")).isEqualTo(
				"1765000600:/orders.fad3d2557025579b94c2c7a33a4bd0180079aaf082273e6e782562dfa60daa29");
	}

	@Test
	void aPathPrefixLimitsTheTokenToThePathsUnderIt() {
		String token = this.tokens.mint(NOW + 600, "/orders");
		assertThat(this.tokens.check(token, "/orders")).isEqualTo(TokenCheck.ACCEPTED);
		assertThat(this.tokens.check(token, "/orders/42")).isEqualTo(TokenCheck.ACCEPTED);
		assertThat(this.tokens.check(token, "/ordersheet")).isEqualTo(TokenCheck.OTHER_PATH);
		assertThat(this.tokens.check(token, "/admin")).isEqualTo(TokenCheck.OTHER_PATH);
	}

	@Test
	void anExpiredTokenIsRefusedAndSoIsOneReplayedAfterItsExpiry() {
		String token = this.tokens.mint(NOW + 1, null);
		assertThat(this.tokens.check(token, "/")).isEqualTo(TokenCheck.ACCEPTED);
		DebugTokens later = new DebugTokens(KEY, Clock.fixed(Instant.ofEpochSecond(NOW + 1), ZoneOffset.UTC));
		assertThat(later.check(token, "/")).isEqualTo(TokenCheck.EXPIRED);
		assertThat(this.tokens.check(this.tokens.mint(NOW - 3600, null), "/")).isEqualTo(TokenCheck.EXPIRED);
	}

	@Test
	void aForgedOrAlteredTokenIsRefused() {
		DebugTokens otherKey = new DebugTokens("another key of at least thirty-two bytes", Clock.systemUTC());
		assertThat(this.tokens.check(otherKey.mint(NOW + 600, null), "/")).isEqualTo(TokenCheck.FORGED);
		String token = this.tokens.mint(NOW + 600, "/orders");
		String longer = token.replace(Long.toString(NOW + 600), Long.toString(NOW + 999_999));
		assertThat(this.tokens.check(longer, "/orders")).isEqualTo(TokenCheck.FORGED);
		String widened = token.replace(":/orders", ":/");
		assertThat(this.tokens.check(widened, "/admin")).isEqualTo(TokenCheck.FORGED);
		String flipped = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
		assertThat(this.tokens.check(flipped, "/orders")).isEqualTo(TokenCheck.FORGED);
	}

	@Test
	void anythingElseIsMalformedOrMissing() {
		String mac = "a".repeat(64);
		assertThat(this.tokens.check(null, "/")).isEqualTo(TokenCheck.MISSING);
		assertThat(this.tokens.check("", "/")).isEqualTo(TokenCheck.MISSING);
		assertThat(this.tokens.check("true", "/")).isEqualTo(TokenCheck.MALFORMED);
		assertThat(this.tokens.check("." + mac, "/")).isEqualTo(TokenCheck.MALFORMED);
		assertThat(this.tokens.check("soon." + mac, "/")).isEqualTo(TokenCheck.MALFORMED);
		assertThat(this.tokens.check((NOW + 600) + ":orders." + mac, "/")).isEqualTo(TokenCheck.MALFORMED);
		assertThat(this.tokens.check((NOW + 600) + "." + "z".repeat(64), "/")).isEqualTo(TokenCheck.MALFORMED);
		assertThat(this.tokens.check((NOW + 600) + "." + mac.substring(1), "/")).isEqualTo(TokenCheck.MALFORMED);
		assertThat(this.tokens.check("9".repeat(13) + "." + mac, "/")).isEqualTo(TokenCheck.MALFORMED);
		assertThat(this.tokens.check((NOW + 600) + ":/" + "x".repeat(1_000_000) + "." + mac, "/"))
			.isEqualTo(TokenCheck.MALFORMED);
	}

	@Test
	void aKeyShorterThan32BytesIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DebugTokens("short", Clock.systemUTC()))
			.withMessage("The key must be at least 32 bytes long, it has 5")
			.withMessageNotContaining("short");
	}

}
