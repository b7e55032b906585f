package io.fluxtail.logging.redaction;

/**
 * Redacts the value after a sensitive name inside free text: {@code password=hunter2},
 * {@code token: abc}, {@code "api_key":"abc"}, {@code ?access_token=abc&x=1}, and
 * {@code Authorization: Bearer abc} (a scheme word is kept with its credential). Values that
 * already start with {@link Replacement#PREFIX} are left alone.
 */
final class KeyValueTextRedactor implements Redactor {

	private static final int MAX_NAME_LENGTH = 64;

	private static final String[] SCHEMES = { "bearer", "basic", "token", "digest", "negotiate", "apikey" };

	private final SensitiveKeys keys;

	private final String replacement;

	/**
	 * Creates a redactor.
	 * @param keys the sensitive names
	 * @param replacement how a redacted value is replaced
	 */
	KeyValueTextRedactor(SensitiveKeys keys, Replacement replacement) {
		this.keys = keys;
		this.replacement = replacement.of(SensitiveKeys.ID, null);
	}

	@Override
	public String redact(String text, RedactionListener listener) {
		if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
			return text;
		}
		StringBuilder result = null;
		int copied = 0;
		int length = text.length();
		int i = 0;
		int nextEquals = text.indexOf('=');
		int nextColon = text.indexOf(':');
		while (i < length) {
			// hop to the next separator with the (vectorized) single-character search
			if (nextEquals >= 0 && nextEquals < i) {
				nextEquals = text.indexOf('=', i);
			}
			if (nextColon >= 0 && nextColon < i) {
				nextColon = text.indexOf(':', i);
			}
			if (nextEquals < 0 && nextColon < 0) {
				break;
			}
			i = (nextEquals < 0) ? nextColon : (nextColon < 0) ? nextEquals : Math.min(nextEquals, nextColon);
			if (!namesSensitiveKey(text, i)) {
				i++;
				continue;
			}
			int valueStart = skipSpaces(text, i + 1);
			if (valueStart >= length) {
				break;
			}
			char quote = text.charAt(valueStart);
			int start;
			int end;
			if (quote == '"' || quote == '\'') {
				start = valueStart + 1;
				end = closingQuote(text, start, quote);
			}
			else {
				start = valueStart;
				end = valueEnd(text, start);
				if (isScheme(text, start, end) && end < length && text.charAt(end) == ' ') {
					start = skipSpaces(text, end);
					end = valueEnd(text, start);
				}
			}
			if (start >= end || text.startsWith(Replacement.PREFIX, start)) {
				i = Math.max(end, i + 1);
				continue;
			}
			if (result == null) {
				result = new StringBuilder(length + 16);
			}
			result.append(text, copied, start).append(this.replacement);
			listener.redacted(SensitiveKeys.ID);
			copied = end;
			i = end;
		}
		return (result == null) ? text : result.append(text, copied, length).toString();
	}

	/**
	 * Whether the name before the separator at {@code index} is sensitive. {@code ://} and times
	 * ({@code 10:14}) are not separators of a pair.
	 */
	private boolean namesSensitiveKey(String text, int index) {
		if (text.charAt(index) == ':' && index + 1 < text.length() && text.charAt(index + 1) == '/') {
			return false;
		}
		int end = index;
		while (end > 0 && text.charAt(end - 1) == ' ' && index - end < 2) {
			end--;
		}
		if (end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
			end--;
		}
		int start = end;
		while (start > 0 && end - start < MAX_NAME_LENGTH && isNameChar(text.charAt(start - 1))) {
			start--;
		}
		// the detector id inside a partial replacement, [REDACTED:github_token:ghp_], is no name
		boolean insideReplacement = start >= Replacement.PREFIX.length()
				&& text.startsWith(Replacement.PREFIX, start - Replacement.PREFIX.length());
		// a segment of a colon chain (arn:aws:secretsmanager:...:secret:name) is no name either
		boolean inColonChain = text.charAt(index) == ':' && start > 0 && text.charAt(start - 1) == ':';
		return start < end && !insideReplacement && !inColonChain && this.keys.matches(text, start, end);
	}

	private static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
				|| c == '.';
	}

	private static int skipSpaces(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

	private static int closingQuote(String text, int from, char quote) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == quote) {
				return i;
			}
		}
		return text.length();
	}

	private static int valueEnd(String text, int from) {
		int i = from;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == ',' || c == ';' || c == '&' || c == ')' || c == ']' || c == '}'
					|| c == '"' || c == '\'' || c == '<' || c == '>') {
				break;
			}
			i++;
		}
		return i;
	}

	private static boolean isScheme(String text, int start, int end) {
		for (String scheme : SCHEMES) {
			if (end - start == scheme.length() && text.regionMatches(true, start, scheme, 0, scheme.length())) {
				return true;
			}
		}
		return false;
	}

}
