package io.fluxtail.logging.debug;

/**
 * What a request's debug token was.
 */
public enum TokenCheck {

	/** Valid: signed with the key, not expired, for this path. */
	ACCEPTED,

	/** The request carried none. */
	MISSING,

	/** Not of the token's form. */
	MALFORMED,

	/** Its expiry has passed. */
	EXPIRED,

	/** Its signature is not the key's: forged or altered. */
	FORGED,

	/** Valid, but for another path prefix. */
	OTHER_PATH;

	/**
	 * Returns the name used in the endpoint and as a meter tag.
	 * @return the name, such as {@code other-path}
	 */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
