package io.fluxtail.logging.redaction;

import java.util.Map;

/**
 * International bank account numbers: a country code, two check digits and the national account
 * number, written compact ({@code DE89370400440532013000}) or in groups of four
 * ({@code DE89 3704 0044 0532 0130 00}). Only a number of the country's exact length whose mod 97
 * check holds is reported, so codes, SKUs and ids that merely start with two letters and two
 * digits are left alone.
 */
final class IbanDetector implements Detector {

	static final String ID = "iban";

	/** Length of an IBAN by country (ISO 13616 registry). */
	private static final Map<String, Integer> LENGTHS = Map.ofEntries(Map.entry("AD", 24), Map.entry("AE", 23),
			Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16),
			Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21),
			Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
			Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
			Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
			Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
			Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
			Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
			Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
			Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31),
			Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28),
			Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
			Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
			Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24),
			Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20));

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String description() {
		return "International bank account numbers (length per country and mod 97 checked)";
	}

	/** The shortest IBANs (Norway, Belgium) carry a run of at least ten digits. */
	@Override
	public Triggers triggers() {
		return Triggers.digitRun(10);
	}

	@Override
	public void detect(String text, Findings findings) {
		int length = text.length();
		for (int start = 0; start + 15 <= length; start++) {
			if (!isStart(text, start)) {
				continue;
			}
			Integer expected = LENGTHS.get(text.substring(start, start + 2));
			if (expected == null) {
				continue;
			}
			int end = end(text, start, expected);
			if (end > 0) {
				findings.add(start, end, text.substring(start, start + 2) + "**" + lastFour(text, end));
				start = end;
			}
		}
	}

	/** Two upper-case letters then two digits, not inside a word. */
	private static boolean isStart(String text, int start) {
		return isUpper(text.charAt(start)) && isUpper(text.charAt(start + 1)) && isDigit(text.charAt(start + 2))
				&& isDigit(text.charAt(start + 3)) && (start == 0 || !TriggerScan.isWordChar(text.charAt(start - 1)));
	}

	/**
	 * Where the IBAN starting here ends, or -1: exactly {@code expected} letters and digits, grouped
	 * by single spaces every four characters or not at all, then no further letter or digit.
	 */
	private static int end(String text, int start, int expected) {
		boolean grouped = start + 4 < text.length() && text.charAt(start + 4) == ' ';
		int count = 0;
		int i = start;
		int mod = 0;
		boolean separated = false;
		while (count < expected) {
			if (i >= text.length()) {
				return -1;
			}
			char c = text.charAt(i);
			if (grouped && count > 0 && count % 4 == 0 && !separated) {
				if (c != ' ') {
					return -1;
				}
				separated = true;
				i++;
				continue;
			}
			if (!isDigit(c) && !isUpper(c)) {
				return -1;
			}
			separated = false;
			count++;
			i++;
		}
		if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
			return -1;
		}
		// mod 97 of the number with the first four characters moved to the end, letters as 10..35
		for (int pass = 0; pass < 2; pass++) {
			for (int j = (pass == 0) ? start + 4 : start; j < ((pass == 0) ? i : start + 4); j++) {
				char c = text.charAt(j);
				if (c == ' ') {
					continue;
				}
				mod = isDigit(c) ? (mod * 10 + (c - '0')) % 97 : (mod * 100 + (c - 'A' + 10)) % 97;
			}
		}
		return (mod == 1) ? i : -1;
	}

	private static String lastFour(String text, int end) {
		return text.substring(end - 4, end).replace(" ", "");
	}

	private static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
