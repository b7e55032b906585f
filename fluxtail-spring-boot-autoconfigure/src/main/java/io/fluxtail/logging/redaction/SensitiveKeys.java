package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names whose value is a secret. Matching ignores case and separators ({@code API-Key},
 * {@code api_key} and {@code apiKey} are one name) and also catches names that end with a
 * sensitive one ({@code db.password}, {@code x-api-key}, {@code client_secret}). Checking a name
 * allocates nothing.
 */
public final class SensitiveKeys {

	/** Id under which key-based redactions are written and counted. */
	public static final String ID = "sensitive_key";

	/** The names redacted by default. */
	public static final List<String> DEFAULTS = List.of("password", "passwd", "pwd", "passphrase", "secret",
			"token", "access_token", "refresh_token", "id_token", "api_key", "apikey", "access_key",
			"secret_access_key", "account_key", "authorization", "proxy_authorization", "cookie", "set-cookie",
			"session", "session_id", "private_key", "client_secret", "credentials", "card_number", "cvv", "cvc",
			"ssn");

	private static final int MAX_KEY_LENGTH = 64;

	private final List<String> names;

	/** Normalized names, indexed by their last character. */
	private final char[][][] byLastChar = new char[128][][];

	private SensitiveKeys(Collection<String> names) {
		this.names = List.copyOf(names);
		List<List<char[]>> buckets = new ArrayList<>();
		for (int i = 0; i < 128; i++) {
			buckets.add(new ArrayList<>());
		}
		for (String name : names) {
			String normalized = normalize(name);
			if (normalized.isEmpty() || normalized.length() > MAX_KEY_LENGTH) {
				throw new IllegalArgumentException("'" + name + "' is not a usable sensitive key");
			}
			buckets.get(normalized.charAt(normalized.length() - 1)).add(normalized.toCharArray());
		}
		for (int i = 0; i < 128; i++) {
			if (!buckets.get(i).isEmpty()) {
				this.byLastChar[i] = buckets.get(i).toArray(new char[0][]);
			}
		}
	}

	/**
	 * Returns the default names plus some more.
	 * @param extra additional names
	 * @return the keys
	 */
	public static SensitiveKeys defaultsPlus(Collection<String> extra) {
		Set<String> names = new LinkedHashSet<>(DEFAULTS);
		names.addAll(extra);
		return new SensitiveKeys(names);
	}

	/**
	 * Returns exactly the given names.
	 * @param names the names
	 * @return the keys
	 */
	public static SensitiveKeys of(Collection<String> names) {
		return new SensitiveKeys(new LinkedHashSet<>(names));
	}

	/**
	 * Returns a lower-case form with letters and digits only.
	 * @param name a name
	 * @return its normalized form
	 */
	public static String normalize(String name) {
		StringBuilder normalized = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

	public List<String> names() {
		return this.names;
	}

	/**
	 * Whether a name is sensitive.
	 * @param name a field or key name
	 * @return whether its value must be redacted
	 */
	public boolean matches(CharSequence name) {
		return matches(name, 0, name.length());
	}

	/**
	 * Whether part of a text, taken as a name, is sensitive.
	 * @param text the text
	 * @param start the name's first index
	 * @param end the index after the name
	 * @return whether its value must be redacted
	 */
	public boolean matches(CharSequence text, int start, int end) {
		int last = previousLetterOrDigit(text, start, end - 1);
		if (last < 0) {
			return false;
		}
		char lastChar = lower(text.charAt(last));
		char[][] candidates = (lastChar < 128) ? this.byLastChar[lastChar] : null;
		if (candidates == null) {
			return false;
		}
		for (char[] candidate : candidates) {
			if (endsWith(text, start, last, candidate)) {
				return true;
			}
		}
		return false;
	}

	/** Compares backwards, skipping separators, from {@code last} down to {@code start}. */
	private static boolean endsWith(CharSequence text, int start, int last, char[] candidate) {
		int position = last;
		for (int i = candidate.length - 1; i >= 0; i--) {
			position = previousLetterOrDigit(text, start, position);
			if (position < 0 || lower(text.charAt(position)) != candidate[i]) {
				return false;
			}
			position--;
		}
		return true;
	}

	private static int previousLetterOrDigit(CharSequence text, int start, int from) {
		for (int i = from; i >= start; i--) {
			char c = text.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| (c >= 128 && Character.isLetterOrDigit(c))) {
				return i;
			}
		}
		return -1;
	}

	private static char lower(char c) {
		if (c >= 'A' && c <= 'Z') {
			return (char) (c + ('a' - 'A'));
		}
		return (c < 128) ? c : Character.toLowerCase(c);
	}

}
