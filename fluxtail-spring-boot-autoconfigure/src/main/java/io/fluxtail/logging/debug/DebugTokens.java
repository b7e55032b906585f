package io.fluxtail.logging.debug;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks the tokens that turn debug on for one request: {@code <expiry>[:<path-prefix>].<mac>},
 * where the expiry is in seconds since the epoch, the optional path prefix limits the token to
 * the paths under it, and the mac is the lower-case hex HMAC-SHA256 of everything before the last
 * dot, with the configured key. So a token cannot be forged or altered without the key, and one
 * that leaks stops working at its expiry. Mint one with {@code openssl}:
 * <pre class="code">
 * payload="$(( $(date +%s) + 600 )):/orders"
 * mac=$(printf '%s' "$payload" | openssl dgst -sha256 -hmac "$FLUXTAIL_DEBUG_ON_DEMAND_KEY" | sed 's/^.*= //')
 * curl -H "X-Fluxtail-Debug: $payload.$mac" http://localhost:8080/orders/42
 * </pre>
 */
public final class DebugTokens {

	/** Shortest key accepted, in bytes: the HMAC's own output size. */
	public static final int MIN_KEY_BYTES = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private static final int MAC_HEX_LENGTH = 64;

	/** Longer values are not read at all: a token is about 90 characters. */
	private static final int MAX_TOKEN_LENGTH = 1024;

	private final SecretKeySpec key;

	private final Clock clock;

	/**
	 * Creates the checker.
	 * @param key the key, at least {@value #MIN_KEY_BYTES} bytes in UTF-8
	 * @param clock the clock expiries are compared with
	 * @throws IllegalArgumentException when the key is shorter
	 */
	public DebugTokens(String key, Clock clock) {
		byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException(
					"The key must be at least " + MIN_KEY_BYTES + " bytes long, it has " + bytes.length);
		}
		this.key = new SecretKeySpec(bytes, ALGORITHM);
		this.clock = clock;
	}

	/**
	 * Checks a request's token. Never throws.
	 * @param token the header's value, {@code null} when absent
	 * @param path the request's path within the application
	 * @return what the token is
	 */
	public TokenCheck check(@Nullable String token, String path) {
		if (token == null || token.isEmpty()) {
			return TokenCheck.MISSING;
		}
		int dot = token.lastIndexOf('.');
		if (token.length() > MAX_TOKEN_LENGTH || dot < 1 || token.length() - dot - 1 != MAC_HEX_LENGTH) {
			return TokenCheck.MALFORMED;
		}
		String signed = token.substring(0, dot);
		int colon = signed.indexOf(':');
		String expiry = (colon >= 0) ? signed.substring(0, colon) : signed;
		String prefix = (colon >= 0) ? signed.substring(colon + 1) : null;
		if (!isSeconds(expiry) || (prefix != null && !prefix.startsWith("/"))) {
			return TokenCheck.MALFORMED;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(token, dot + 1, token.length());
		}
		catch (IllegalArgumentException ex) {
			return TokenCheck.MALFORMED;
		}
		if (!MessageDigest.isEqual(given, mac(signed))) {
			return TokenCheck.FORGED;
		}
		if (Long.parseLong(expiry) <= this.clock.instant().getEpochSecond()) {
			return TokenCheck.EXPIRED;
		}
		return (prefix == null || isUnder(path, prefix)) ? TokenCheck.ACCEPTED : TokenCheck.OTHER_PATH;
	}

	/**
	 * Mints a token, as the README's shell lines do; for tests and tools.
	 * @param expiresAt seconds since the epoch
	 * @param pathPrefix the paths it is for, {@code null} for all
	 * @return the token
	 */
	public String mint(long expiresAt, @Nullable String pathPrefix) {
		String signed = (pathPrefix != null) ? expiresAt + ":" + pathPrefix : Long.toString(expiresAt);
		return signed + "." + HexFormat.of().formatHex(mac(signed));
	}

	private byte[] mac(String signed) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA256 is one of the algorithms every Java platform must support
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isSeconds(String text) {
		if (text.isEmpty() || text.length() > 12) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnder(String path, String prefix) {
		if (!path.startsWith(prefix)) {
			return false;
		}
		return path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/';
	}

}
