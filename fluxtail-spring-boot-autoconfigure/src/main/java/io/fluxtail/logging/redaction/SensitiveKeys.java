package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names whose value is a secret. Matching ignores case and separators ({@code API-Key},
 * {@code api_key} and {@code apiKey} are one name) and also catches names that end with a
 * sensitive one ({@code db.password}, {@code x-api-key}, {@code client_secret}).
 *
 * <p>
 * A name that merely contains a sensitive word does not match: the word must end the name
 * ({@code password_policy}, {@code token_count} and {@code prompt_tokens} name no credential), and
 * must not be counted by the word before it ({@code max_token}, {@code num_token},
 * {@code prompt_token}: see {@link #COUNTING_WORDS}). Checking a name allocates nothing (remembering a new field name once, see {@link #matchesName}).
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

	/** Words that, right before a sensitive word, make the name a count or limit of it. */
	public static final List<String> COUNTING_WORDS = List.of("max", "min", "num", "total", "count", "prompt",
			"completion", "input", "output", "cached", "reasoning", "used", "remaining", "limit", "expected");

	private static final int MAX_KEY_LENGTH = 64;

	private static final int MAX_REMEMBERED_NAMES = 4096;

	private final List<String> names;

	/** Normalized names, indexed by their last character. */
	private final char[][][] byLastChar = new char[128][][];

	/** Decisions on field names already seen, a cache of {@link #matches(CharSequence)}. */
	private final Map<String, Boolean> decided = new ConcurrentHashMap<>();

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
	 * Whether a field name is sensitive, remembered: a service writes the same few MDC and
	 * key/value names on every line, so after the first line each costs one hash lookup. The
	 * first {@value #MAX_REMEMBERED_NAMES} names are remembered, so names made up at run time
	 * cannot grow the memory.
	 * @param name a field or key name
	 * @return whether its value must be redacted
	 */
	public boolean matchesName(String name) {
		Boolean remembered = this.decided.get(name);
		if (remembered != null) {
			return remembered;
		}
		boolean sensitive = matches(name, 0, name.length());
		if (this.decided.size() < MAX_REMEMBERED_NAMES) {
			this.decided.putIfAbsent(name, sensitive);
		}
		return sensitive;
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
			int candidateStart = endsWith(text, start, last, candidate);
			if (candidateStart >= 0 && !isCounted(text, start, candidateStart)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Compares backwards, skipping separators, from {@code last} down to {@code start}.
	 * @return where the candidate starts in the text, or -1
	 */
	private static int endsWith(CharSequence text, int start, int last, char[] candidate) {
		int position = last;
		int first = -1;
		for (int i = candidate.length - 1; i >= 0; i--) {
			position = previousLetterOrDigit(text, start, position);
			if (position < 0 || lower(text.charAt(position)) != candidate[i]) {
				return -1;
			}
			first = position;
			position--;
		}
		return first;
	}

	/**
	 * Whether the word before the sensitive one, ended by a separator or a lower-to-upper case
	 * change, is a counting word.
	 */
	private static boolean isCounted(CharSequence text, int start, int candidateStart) {
		int end = candidateStart;
		while (end > start && !isLetterOrDigit(text.charAt(end - 1))) {
			end--;
		}
		if (end == candidateStart && !Character.isUpperCase(text.charAt(candidateStart))) {
			// inside one word (jsessionid): no word before it
			return false;
		}
		int wordStart = end;
		while (wordStart > start && isLetterOrDigit(text.charAt(wordStart - 1))) {
			wordStart--;
			if (Character.isUpperCase(text.charAt(wordStart))) {
				break;
			}
		}
		for (String word : COUNTING_WORDS) {
			if (end - wordStart == word.length() && sameLetters(text, wordStart, word)) {
				return true;
			}
		}
		return false;
	}

	private static boolean sameLetters(CharSequence text, int from, String word) {
		for (int i = 0; i < word.length(); i++) {
			if (lower(text.charAt(from + i)) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| (c >= 128 && Character.isLetterOrDigit(c));
	}

	private static int previousLetterOrDigit(CharSequence text, int start, int from) {
		for (int i = from; i >= start; i--) {
			char c = text.charAt(i);
			if (isLetterOrDigit(c)) {
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
