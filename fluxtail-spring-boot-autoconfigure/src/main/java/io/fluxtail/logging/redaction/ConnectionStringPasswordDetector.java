package io.fluxtail.logging.redaction;

/**
 * The password of an ADO.NET or ODBC connection string:
 * {@code Server=db;User Id=app;Password=s3cr3t;} or {@code Driver={ODBC Driver 18};PWD={p;w}}. The
 * {@code Password}/{@code Pwd} key is matched ignoring case, only as one of the string's
 * {@code ;}-separated pairs, and its value may be quoted ({@code '...'}, {@code "..."}) or braced
 * ({@code {...}}), in which case it may hold {@code ;}.
 */
final class ConnectionStringPasswordDetector implements Detector {

	static final String ID = "connection_string_password";

	private static final String[] KEYS = { "password", "pwd" };

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String description() {
		return "Passwords in ADO.NET and ODBC connection strings (Password=..., Pwd=...)";
	}

	@Override
	public Triggers triggers() {
		return Triggers.anyOf("Password=", "password=", "PASSWORD=", "Pwd=", "pwd=", "PWD=", "Password =",
				"password =", "Pwd =", "PWD =");
	}

	@Override
	public void detect(String text, Findings findings) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			int keyEnd = keyAt(text, i);
			if (keyEnd < 0) {
				continue;
			}
			int equals = skipSpaces(text, keyEnd);
			if (equals >= length || text.charAt(equals) != '=') {
				continue;
			}
			int start = skipSpaces(text, equals + 1);
			int end = valueEnd(text, start);
			boolean pairOfString = precededBySemicolon(text, i) || (end < length && text.charAt(end) == ';');
			if (pairOfString && end > start) {
				findings.add(start, end);
				i = end;
			}
		}
	}

	/** Where a password key starting at {@code index} ends, or -1. */
	private static int keyAt(String text, int index) {
		if (index > 0 && TriggerScan.isWordChar(text.charAt(index - 1))) {
			return -1;
		}
		for (String key : KEYS) {
			if (text.regionMatches(true, index, key, 0, key.length())) {
				return index + key.length();
			}
		}
		return -1;
	}

	private static boolean precededBySemicolon(String text, int index) {
		int i = index - 1;
		while (i >= 0 && text.charAt(i) == ' ') {
			i--;
		}
		return i >= 0 && text.charAt(i) == ';';
	}

	private static int valueEnd(String text, int start) {
		if (start >= text.length()) {
			return start;
		}
		char open = text.charAt(start);
		char close = (open == '{') ? '}' : (open == '\'' || open == '"') ? open : 0;
		int i = start + ((close != 0) ? 1 : 0);
		while (i < text.length()) {
			char c = text.charAt(i);
			if (close != 0 && c == close) {
				// a doubled quote or brace stands for itself
				if (i + 1 < text.length() && text.charAt(i + 1) == close) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			if (close == 0 && (c == ';' || c == '"' || c == '\'' || c == '\n' || c == '\r')) {
				return i;
			}
			i++;
		}
		return i;
	}

	private static int skipSpaces(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

}
