package io.fluxtail.smoke;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints debug-on-demand tokens as the README's {@code openssl} lines do, written here without the
 * starter's code: {@code <expiry>[:<path-prefix>].<hex HMAC-SHA256 of what precedes the dot>}.
 */
public final class DebugTokenMint {

	/** The key the web shapes' applications are configured with ({@code fluxtail.debug-on-demand.key}). */
	public static final String SMOKE_KEY = "smoke-debug-key-0123456789abcdef0123";

	private DebugTokenMint() {
	}

	/**
	 * Mints a token.
	 * @param key the key
	 * @param expiresAt when it expires
	 * @param pathPrefix the paths it is for, {@code null} for all
	 * @return the token
	 */
	public static String mint(String key, Instant expiresAt, String pathPrefix) {
		String signed = expiresAt.getEpochSecond() + ((pathPrefix != null) ? ":" + pathPrefix : "");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return signed + "." + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
