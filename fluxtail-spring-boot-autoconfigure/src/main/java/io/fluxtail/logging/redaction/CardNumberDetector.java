package io.fluxtail.logging.redaction;

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped by single spaces or dashes, starting
 * with a card network's digit (2 to 6) and passing the Luhn check. A digit run that touches a
 * letter, a dot or more digits (ids, digests, UUIDs, decimals, epoch timestamps starting with 1)
 * is not a card.
 */
final class CardNumberDetector implements Detector {

	static final String ID = "card";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String description() {
		return "Payment card numbers (Luhn-checked, with or without separators)";
	}

	@Override
	public Triggers triggers() {
		return Triggers.digitRun(13);
	}

	@Override
	public void detect(String text, Findings findings) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			if (!isDigit(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			int end = i;
			int digits = 0;
			int j = i;
			while (j < length) {
				char c = text.charAt(j);
				if (isDigit(c)) {
					digits++;
					j++;
					end = j;
				}
				else if ((c == ' ' || c == '-') && j + 1 < length && isDigit(text.charAt(j + 1)) && end == j) {
					j++;
				}
				else {
					break;
				}
			}
			if (digits >= 13 && digits <= 19 && isBoundary(text, start - 1) && isBoundary(text, end)
					&& luhn(text, start, end)) {
				char first = text.charAt(start);
				if (first >= '2' && first <= '6') {
					findings.add(start, end, "****" + lastFour(text, end));
				}
			}
			i = Math.max(end, i + 1);
		}
	}

	private static boolean isBoundary(String text, int index) {
		if (index < 0 || index >= text.length()) {
			return true;
		}
		char c = text.charAt(index);
		return !Character.isLetterOrDigit(c) && c != '.' && c != '_' && c != '-' && c != '/';
	}

	private static boolean luhn(String text, int start, int end) {
		int sum = 0;
		boolean doubled = false;
		for (int i = end - 1; i >= start; i--) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				continue;
			}
			int digit = c - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	private static String lastFour(String text, int end) {
		StringBuilder last = new StringBuilder(4);
		for (int i = end - 1; i >= 0 && last.length() < 4; i--) {
			if (isDigit(text.charAt(i))) {
				last.insert(0, text.charAt(i));
			}
		}
		return last.toString();
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
