package io.fluxtail.propagation;

import org.jspecify.annotations.Nullable;

/**
 * A W3C {@code traceparent} header value, such as
 * {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}.
 *
 * @param traceId the 32 lowercase hex trace id
 * @param parentId the 16 lowercase hex id of the caller's span
 * @param flags the two hex trace flags
 */
public record TraceParent(String traceId, String parentId, String flags) {

	private static final int LENGTH = 55;

	/**
	 * Parses a header value, following the W3C Trace Context rules: known version {@code 00} is
	 * exactly 55 characters, a future version may append {@code -}-separated data, version
	 * {@code ff} and all-zero ids are invalid, hex must be lowercase.
	 * @param header the header value, {@code null} when absent
	 * @return the parsed value, or {@code null} when absent or malformed
	 */
	public static @Nullable TraceParent parse(@Nullable String header) {
		if (header == null || header.length() < LENGTH) {
			return null;
		}
		String version = header.substring(0, 2);
		if (!isHex(version) || version.equals("ff")) {
			return null;
		}
		if (version.equals("00") ? header.length() != LENGTH
				: header.length() > LENGTH && header.charAt(LENGTH) != '-') {
			return null;
		}
		if (header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
			return null;
		}
		String traceId = header.substring(3, 35);
		String parentId = header.substring(36, 52);
		String flags = header.substring(53, 55);
		if (!isHex(traceId) || isZero(traceId) || !isHex(parentId) || isZero(parentId) || !isHex(flags)) {
			return null;
		}
		return new TraceParent(traceId, parentId, flags);
	}

	private static boolean isHex(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isZero(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

}
