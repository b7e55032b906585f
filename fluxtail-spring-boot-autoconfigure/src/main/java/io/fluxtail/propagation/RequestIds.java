package io.fluxtail.propagation;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Decides the id of a request: the inbound value when it is safe to log, a fresh one otherwise.
 *
 * <p>
 * An inbound id is accepted only when it is 1 to {@value #MAX_LENGTH} characters of
 * {@code [A-Za-z0-9._:~-]}: nothing that could break a log line, forge a field or hide a payload.
 * Generated ids are the prefix followed by 64 random bits in hex, such as
 * {@code req-3f9a1c0b7d2e4a65}.
 */
public final class RequestIds {

	/** Longest inbound id accepted. */
	public static final int MAX_LENGTH = 128;

	/** What {@link #isValid} accepts, as a regular expression, for people and tools. */
	public static final String ID_PATTERN = "[A-Za-z0-9._:~-]{1," + MAX_LENGTH + "}";

	/** Hex characters of the random part of a generated id. */
	public static final int RANDOM_HEX_LENGTH = 16;

	private static final HexFormat HEX = HexFormat.of();

	private final String prefix;

	private final boolean trustInbound;

	private final RequestContextStats stats;

	/**
	 * Creates the resolver.
	 * @param prefix the prefix of generated ids, which must itself be safe
	 * @param trustInbound whether a safe inbound id is kept
	 * @param stats where accepted, rejected and generated ids are counted
	 * @throws IllegalArgumentException when generated ids would not pass {@link #isValid}
	 */
	public RequestIds(String prefix, boolean trustInbound, RequestContextStats stats) {
		if (prefix.length() + RANDOM_HEX_LENGTH > MAX_LENGTH || !(prefix.isEmpty() || isValid(prefix))) {
			throw new IllegalArgumentException("Prefix must be at most " + (MAX_LENGTH - RANDOM_HEX_LENGTH)
					+ " characters of letters, digits, '.', '_', ':', '~' or '-'");
		}
		this.prefix = prefix;
		this.trustInbound = trustInbound;
		this.stats = stats;
	}

	/**
	 * Returns the id for a request.
	 * @param inbound the value of the inbound header, {@code null} when absent
	 * @return the inbound value when trusted and safe, otherwise a generated id
	 */
	public String resolve(@Nullable String inbound) {
		if (inbound == null || !this.trustInbound) {
			this.stats.generated();
			return generate();
		}
		if (isValid(inbound)) {
			this.stats.accepted();
			return inbound;
		}
		this.stats.rejected();
		this.stats.generated();
		return generate();
	}

	/**
	 * Generates a fresh id. {@link ThreadLocalRandom} gives 64 random bits without contention;
	 * each thread walks its own sequence, so collisions need about 2^32 ids per service.
	 * @return the id
	 */
	public String generate() {
		return this.prefix.concat(HEX.toHexDigits(ThreadLocalRandom.current().nextLong()));
	}

	/**
	 * Whether a value is safe to use and log as a request id.
	 * @param value a candidate id
	 * @return whether it is 1 to 128 characters of {@code [A-Za-z0-9._:~-]}
	 */
	public static boolean isValid(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isSafe(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSafe(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == ':' || c == '~' || c == '-';
	}

}
