package io.fluxtail.autoconfigure.debug;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Debug on demand: a request carrying a valid signed token in a header gets its lines down to
 * 'level' written at once, for that request only.
 */
@ConfigurationProperties(FluxtailDebugOnDemandProperties.PREFIX)
public class FluxtailDebugOnDemandProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "fluxtail.debug-on-demand";

	/** Default header. */
	public static final String DEFAULT_HEADER = "X-Fluxtail-Debug";

	/**
	 * Key of the HMAC-SHA256 that signs the tokens, at least 32 bytes; debug on demand is on when
	 * it is set. Keep it secret, as a password: whoever has it can turn DEBUG on for any request.
	 */
	private @Nullable String key;

	/**
	 * Header that carries the token: '<expiry>[:<path-prefix>].<hex HMAC-SHA256 of what precedes the
	 * last dot>', the expiry in seconds since the epoch. A missing, expired, malformed or forged
	 * token changes nothing and is counted.
	 */
	private String header = DEFAULT_HEADER;

	/**
	 * Lowest level written for a request with a valid token.
	 */
	private LogLevel level = LogLevel.DEBUG;

	/**
	 * Whether a valid token is sent on in the same header with the request's outbound HTTP calls
	 * (RestClient, RestTemplate, WebClient) and Kafka records, so that the services it calls write
	 * their DEBUG lines too. Off by default: the token then stops at this service.
	 */
	private boolean forward;

	public @Nullable String getKey() {
		return this.key;
	}

	public void setKey(@Nullable String key) {
		this.key = key;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public LogLevel getLevel() {
		return this.level;
	}

	public void setLevel(LogLevel level) {
		this.level = level;
	}

	public boolean isForward() {
		return this.forward;
	}

	public void setForward(boolean forward) {
		this.forward = forward;
	}

}
