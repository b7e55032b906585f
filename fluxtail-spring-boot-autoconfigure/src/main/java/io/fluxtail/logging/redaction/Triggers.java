package io.fluxtail.logging.redaction;

import java.util.List;

/**
 * What a text must contain before a {@link Detector} looks at it: one of some literal strings
 * (case-sensitive), or a run of digits (optionally split by single spaces or dashes into groups of
 * at most six digits, as cards and IBANs are written), or nothing.
 * A literal that starts with a letter, digit or {@code _} is only looked for at the start of a
 * word (after a character that is none of these), which is where tokens start; other literals
 * ({@code @}, {@code ://}, {@code -----BEGIN}) are looked for anywhere.
 *
 * @param literals literal strings, one of which must occur
 * @param minDigitRun minimum length of a digit run, 0 when digits are not a trigger
 */
public record Triggers(List<String> literals, int minDigitRun) {

	private static final Triggers ALWAYS = new Triggers(List.of(), 0);

	public Triggers {
		literals = List.copyOf(literals);
		for (String literal : literals) {
			if (literal.isEmpty()) {
				throw new IllegalArgumentException("A trigger must not be empty");
			}
		}
	}

	/**
	 * Triggers on any of the given literals.
	 * @param literals the literals
	 * @return the triggers
	 */
	public static Triggers anyOf(String... literals) {
		return new Triggers(List.of(literals), 0);
	}

	/**
	 * Triggers on a run of at least this many digits.
	 * @param minDigits the minimum number of digits
	 * @return the triggers
	 */
	public static Triggers digitRun(int minDigits) {
		return new Triggers(List.of(), minDigits);
	}

	/**
	 * Looks at every text. Costly: prefer literals.
	 * @return the triggers
	 */
	public static Triggers always() {
		return ALWAYS;
	}

	/**
	 * Whether the detector looks at every text.
	 * @return whether no trigger is set
	 */
	public boolean isAlways() {
		return this.literals.isEmpty() && this.minDigitRun == 0;
	}

	/**
	 * Returns where the first of the literals occurs in a text from a position on.
	 * @param text the text
	 * @param from where to start looking
	 * @return the index, -1 when none occurs
	 */
	public int firstLiteral(String text, int from) {
		int first = -1;
		for (String literal : this.literals) {
			int index = text.indexOf(literal, from);
			if (index >= 0 && (first < 0 || index < first)) {
				first = index;
			}
		}
		return first;
	}

}
