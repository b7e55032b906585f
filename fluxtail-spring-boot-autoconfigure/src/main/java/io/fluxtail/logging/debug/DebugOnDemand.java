package io.fluxtail.logging.debug;

import org.jspecify.annotations.Nullable;

/**
 * Debug on demand at the door of a unit of work: reads the token a request (or a record) carries
 * in the configured header, counts what it was, and lets only a valid one through. The token is
 * never echoed: a rejected one changes nothing for the unit.
 */
public final class DebugOnDemand {

	private final String header;

	private final DebugTokens tokens;

	private final DebugStats stats;

	/**
	 * Creates the door.
	 * @param header the header that carries the token
	 * @param tokens checks the tokens
	 * @param stats where the results are counted
	 */
	public DebugOnDemand(String header, DebugTokens tokens, DebugStats stats) {
		this.header = header;
		this.tokens = tokens;
		this.stats = stats;
	}

	/**
	 * Returns the header that carries the token.
	 * @return the header name
	 */
	public String header() {
		return this.header;
	}

	/**
	 * Checks and counts a unit's token.
	 * @param token the header's value, {@code null} when absent
	 * @param path the request's path within the application ({@code /} for a record)
	 * @return the token when it is valid, else {@code null}
	 */
	public @Nullable String validToken(@Nullable String token, String path) {
		TokenCheck check = this.tokens.check(token, path);
		this.stats.token(check);
		return (check == TokenCheck.ACCEPTED) ? token : null;
	}

}
