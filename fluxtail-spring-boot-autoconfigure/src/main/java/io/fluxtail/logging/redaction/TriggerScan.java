package io.fluxtail.logging.redaction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Finds in one pass over a text which of a set of {@link Triggers} are present: an Aho-Corasick
 * automaton over every literal of every detector, compiled to a table with one lookup per
 * character, and the longest run of digits counted in the same pass. The cost per character does
 * not depend on how many detectors or literals there are.
 *
 * <p>
 * Detector {@code i} of the list owns bit {@code i % 64} of word {@code i / 64} of the result. A
 * text that triggers nothing costs no allocation.
 */
final class TriggerScan {

	private static final int ROOT = 0;

	private final int words;

	/** Class of each ASCII character: 0 for characters no literal uses. */
	private final byte[] classOf = new byte[128];

	private final int classes;

	/**
	 * The transition table, failure links folded in: a state is the offset of its row, so the next
	 * state is {@code next[state + class]} with no multiplication. Rows of states that have
	 * outputs come last, so the scan tells a match by comparing with {@link #firstOutputState}
	 * instead of loading anything.
	 */
	private final int[] next;

	private final int firstOutputState;

	/** For each character class, whether it takes the automaton out of its root. */
	private final boolean[] leavesRoot;

	/** Outputs of each state by row number (its own and those reached by failure links), or {@code null}. */
	private final @Nullable Output[][] outputs;

	private final long @Nullable [] always;

	private final int[] minDigitRuns;

	private final long[][] digitRunBits;

	private final int shortestDigitRun;

	private final List<Output> nonAscii = new ArrayList<>();

	/**
	 * Compiles the triggers of a detector list.
	 * @param triggers each detector's triggers, in detector order
	 */
	TriggerScan(List<Triggers> triggers) {
		this.words = Math.max(1, (triggers.size() + 63) / 64);
		List<Output> literals = new ArrayList<>();
		long[] always = null;
		Map<Integer, long[]> digitRuns = new TreeMap<>();
		for (int i = 0; i < triggers.size(); i++) {
			Triggers each = triggers.get(i);
			if (each.isAlways()) {
				always = (always != null) ? always : new long[this.words];
				always[i >> 6] |= 1L << i;
			}
			if (each.minDigitRun() > 0) {
				digitRuns.computeIfAbsent(each.minDigitRun(), (run) -> new long[this.words])[i >> 6] |= 1L << i;
			}
			for (String literal : each.literals()) {
				Output output = new Output(literal, isWordChar(literal.charAt(0)), i);
				if (isAscii(literal)) {
					literals.add(output);
				}
				else {
					this.nonAscii.add(output);
				}
			}
		}
		this.always = always;
		this.minDigitRuns = digitRuns.keySet().stream().mapToInt(Integer::intValue).toArray();
		this.digitRunBits = digitRuns.values().toArray(new long[0][]);
		this.shortestDigitRun = (this.minDigitRuns.length > 0) ? this.minDigitRuns[0] : Integer.MAX_VALUE;
		int classes = 1;
		for (Output literal : literals) {
			for (int i = 0; i < literal.text.length(); i++) {
				char c = literal.text.charAt(i);
				if (this.classOf[c] == 0) {
					this.classOf[c] = (byte) classes++;
				}
			}
		}
		this.classes = classes;
		Automaton automaton = new Automaton(literals, this.classOf, classes);
		char[] table = automaton.table();
		@Nullable Output[][] outputs = automaton.outputs();
		int[] row = automaton.rowsWithOutputsLast(outputs);
		this.next = new int[table.length];
		this.outputs = new Output[outputs.length][];
		int firstOutputRow = outputs.length;
		for (int state = 0; state < outputs.length; state++) {
			this.outputs[row[state]] = outputs[state];
			if (outputs[state] != null) {
				firstOutputRow = Math.min(firstOutputRow, row[state]);
			}
			for (int symbol = 0; symbol < classes; symbol++) {
				this.next[row[state] * classes + symbol] = row[table[state * classes + symbol]] * classes;
			}
		}
		this.firstOutputState = firstOutputRow * classes;
		this.leavesRoot = new boolean[classes];
		for (int symbol = 0; symbol < classes; symbol++) {
			this.leavesRoot[symbol] = this.next[ROOT + symbol] != ROOT;
		}
	}

	/**
	 * Returns which detectors have a trigger in the text.
	 * @param text the text
	 * @return one bit per detector, or {@code null} when none has
	 */
	long @Nullable [] scan(String text) {
		long[] found = (this.always != null) ? this.always.clone() : null;
		int[] next = this.next;
		byte[] classOf = this.classOf;
		boolean[] leavesRoot = this.leavesRoot;
		int firstOutputState = this.firstOutputState;
		int state = ROOT;
		int digits = 0;
		int group = 0;
		int longestRun = 0;
		boolean afterSeparator = false;
		boolean separated = false;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			int symbol = (c < 128) ? classOf[c] : 0;
			// most characters of a text leave the root where it is: no load that the next depends on
			if (state != ROOT || leavesRoot[symbol]) {
				state = next[state + symbol];
				if (state >= firstOutputState) {
					found = matched(text, i, this.outputs[state / this.classes], found);
				}
			}
			if ((char) (c - '0') <= 9) {
				digits++;
				group++;
				afterSeparator = false;
			}
			else if (digits > 0) {
				// a run is measured when a group of digits ends: cards and IBANs are grouped by 4 to 6,
				// so after a separator a longer group starts a run of its own (2026-000123456)
				if (separated && group > 6) {
					digits = group;
				}
				longestRun = Math.max(longestRun, digits);
				if ((c == ' ' || c == '-') && group > 0 && !afterSeparator) {
					afterSeparator = true;
					separated = true;
				}
				else {
					digits = 0;
					separated = false;
					afterSeparator = false;
				}
				group = 0;
			}
		}
		if (separated && group > 6) {
			digits = group;
		}
		longestRun = Math.max(longestRun, digits);
		if (longestRun >= this.shortestDigitRun) {
			for (int i = 0; i < this.minDigitRuns.length && this.minDigitRuns[i] <= longestRun; i++) {
				found = or(found, this.digitRunBits[i]);
			}
		}
		for (Output literal : this.nonAscii) {
			if (text.contains(literal.text)) {
				found = set(found, literal.detector);
			}
		}
		return found;
	}

	/**
	 * A literal that starts with a letter, digit or {@code _} counts only at the start of a word.
	 */
	private long @Nullable [] matched(String text, int end, Output[] outputs, long @Nullable [] found) {
		long[] result = found;
		for (Output output : outputs) {
			int start = end - output.text.length() + 1;
			if (!output.wordStart || start == 0 || !isWordChar(text.charAt(start - 1))) {
				result = set(result, output.detector);
			}
		}
		return result;
	}

	private long[] set(long @Nullable [] found, int detector) {
		long[] result = (found != null) ? found : new long[this.words];
		result[detector >> 6] |= 1L << detector;
		return result;
	}

	private long[] or(long @Nullable [] found, long[] bits) {
		long[] result = (found != null) ? found : new long[this.words];
		for (int i = 0; i < bits.length; i++) {
			result[i] |= bits[i];
		}
		return result;
	}

	static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 128) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One literal of one detector.
	 */
	private record Output(String text, boolean wordStart, int detector) {
	}

	/**
	 * Builds the trie of the literals, its failure links, and from them the full transition table.
	 */
	private static final class Automaton {

		private final List<Map<Integer, Integer>> children = new ArrayList<>();

		private final List<List<Output>> own = new ArrayList<>();

		private final int classes;

		private int[] fail = new int[0];

		Automaton(List<Output> literals, byte[] classOf, int classes) {
			this.classes = classes;
			newState();
			for (Output literal : literals) {
				int state = ROOT;
				for (int i = 0; i < literal.text.length(); i++) {
					int symbol = classOf[literal.text.charAt(i)];
					Integer child = this.children.get(state).get(symbol);
					if (child == null) {
						child = newState();
						this.children.get(state).put(symbol, child);
					}
					state = child;
				}
				this.own.get(state).add(literal);
			}
		}

		private int newState() {
			this.children.add(new HashMap<>());
			this.own.add(new ArrayList<>());
			return this.children.size() - 1;
		}

		char[] table() {
			int states = this.children.size();
			if (states > Character.MAX_VALUE) {
				throw new IllegalArgumentException("Too many trigger literals (" + states + " automaton states)");
			}
			char[] table = new char[states * this.classes];
			this.fail = new int[states];
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			for (int symbol = 0; symbol < this.classes; symbol++) {
				Integer child = this.children.get(ROOT).get(symbol);
				table[symbol] = (char) ((child != null) ? child : ROOT);
				if (child != null) {
					queue.add(child);
				}
			}
			while (!queue.isEmpty()) {
				int state = queue.poll();
				for (int symbol = 0; symbol < this.classes; symbol++) {
					Integer child = this.children.get(state).get(symbol);
					int fallback = table[this.fail[state] * this.classes + symbol];
					if (child != null) {
						this.fail[child] = fallback;
						queue.add(child);
						table[state * this.classes + symbol] = (char) (int) child;
					}
					else {
						table[state * this.classes + symbol] = (char) fallback;
					}
				}
			}
			return table;
		}

		/**
		 * Numbers the states for the compiled table: the root stays first, and states that have
		 * outputs come after all those that have none.
		 * @param outputs the outputs of each state
		 * @return the row of each state
		 */
		int[] rowsWithOutputsLast(@Nullable Output[][] outputs) {
			int[] row = new int[outputs.length];
			int next = 0;
			for (int pass = 0; pass < 2; pass++) {
				for (int state = 0; state < outputs.length; state++) {
					if ((outputs[state] != null) == (pass == 1)) {
						row[state] = next++;
					}
				}
			}
			return row;
		}

		/** Outputs per state, in breadth-first order so that a failure state is complete first. */
		@Nullable Output[][] outputs() {
			int states = this.children.size();
			Output[][] outputs = new Output[states][];
			List<List<Output>> all = new ArrayList<>();
			for (int state = 0; state < states; state++) {
				all.add(null);
			}
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			all.set(ROOT, List.of());
			for (Integer child : this.children.get(ROOT).values()) {
				queue.add(child);
			}
			while (!queue.isEmpty()) {
				int state = queue.poll();
				List<Output> merged = new ArrayList<>(this.own.get(state));
				merged.addAll(all.get(this.fail[state]));
				all.set(state, merged);
				if (!merged.isEmpty()) {
					outputs[state] = merged.toArray(new Output[0]);
				}
				queue.addAll(this.children.get(state).values());
			}
			return outputs;
		}

	}

}
