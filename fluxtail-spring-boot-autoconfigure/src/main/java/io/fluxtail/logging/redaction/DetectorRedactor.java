package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a set of {@link Detector}s over a text, after one cheap pass that finds which detectors'
 * triggers are present. A text that triggers nothing is returned as is, with no allocation.
 *
 * <p>
 * Detectors added later (for example, application beans once the context starts) join by
 * {@link #setExtraDetectors(List)}; the trigger tables are then rebuilt once.
 */
public final class DetectorRedactor implements Redactor {

	private final List<Detector> detectors;

	private final Replacement replacement;

	private final RedactionStats stats;

	private volatile Compiled compiled;

	private volatile List<Detector> extraDetectors = List.of();

	/**
	 * Compiles a detector set.
	 * @param detectors the detectors, in priority order
	 * @param replacement how secrets are replaced
	 * @param stats where redactions and failures are counted
	 */
	public DetectorRedactor(List<Detector> detectors, Replacement replacement, RedactionStats stats) {
		this.detectors = List.copyOf(detectors);
		this.replacement = replacement;
		this.stats = stats;
		this.compiled = new Compiled(this.detectors);
	}

	/**
	 * Returns every detector in use, in order.
	 * @return the detectors
	 */
	public List<Detector> detectors() {
		return this.compiled.detectors;
	}

	/**
	 * Replaces the detectors added after start, which run after the configured ones.
	 * @param extra the additional detectors
	 */
	public synchronized void setExtraDetectors(List<Detector> extra) {
		Map<String, Detector> byId = new LinkedHashMap<>();
		for (Detector detector : this.detectors) {
			byId.put(detector.id(), detector);
		}
		for (Detector detector : extra) {
			if (byId.putIfAbsent(detector.id(), detector) != null) {
				throw new IllegalArgumentException("A detector with id '" + detector.id() + "' already exists");
			}
		}
		this.extraDetectors = List.copyOf(extra);
		this.compiled = new Compiled(new ArrayList<>(byId.values()));
	}

	public List<Detector> extraDetectors() {
		return this.extraDetectors;
	}

	@Override
	public String redact(String text) {
		Compiled compiled = this.compiled;
		long triggered = compiled.scan(text);
		if (triggered == 0) {
			return text;
		}
		Findings findings = null;
		for (int i = 0; i < compiled.detectors.size(); i++) {
			if (i < 63 ? (triggered & (1L << i)) == 0 : (triggered & Compiled.OVERFLOW) == 0) {
				continue;
			}
			Detector detector = compiled.detectors.get(i);
			if (findings == null) {
				findings = new Findings();
			}
			findings.detector(detector.id());
			try {
				detector.detect(text, findings);
			}
			catch (RuntimeException | StackOverflowError ex) {
				this.stats.failed(detector.id(), ex);
				return this.replacement.unchecked(detector.id());
			}
		}
		return (findings == null || findings.isEmpty()) ? text : findings.apply(text, this.replacement, this.stats);
	}

	/**
	 * Trigger tables of one detector set. Detector {@code i < 63} owns bit {@code i}; any later
	 * detector shares the last bit and is run whenever that bit is set.
	 */
	private static final class Compiled {

		static final long OVERFLOW = 1L << 63;

		final List<Detector> detectors;

		/** Literal triggers by their first character (ASCII only). */
		final Literal[][] byFirstChar = new Literal[128][];

		/** Second characters of the literals starting with each first character. */
		final long[] secondCharLow = new long[128];

		final long[] secondCharHigh = new long[128];

		final List<Literal> nonAscii = new ArrayList<>();

		final long always;

		final int[] minDigitRuns;

		final long[] digitRunBits;

		final int shortestDigitRun;

		Compiled(List<Detector> detectors) {
			this.detectors = List.copyOf(detectors);
			List<List<Literal>> buckets = new ArrayList<>();
			for (int i = 0; i < 128; i++) {
				buckets.add(new ArrayList<>());
			}
			long always = 0;
			Map<Integer, Long> digitRuns = new java.util.TreeMap<>();
			for (int i = 0; i < this.detectors.size(); i++) {
				long bit = (i < 63) ? 1L << i : OVERFLOW;
				Triggers triggers = this.detectors.get(i).triggers();
				if (triggers.isAlways()) {
					always |= bit;
				}
				if (triggers.minDigitRun() > 0) {
					digitRuns.merge(triggers.minDigitRun(), bit, (a, b) -> a | b);
				}
				for (String literal : triggers.literals()) {
					Literal entry = new Literal(literal, bit);
					char first = literal.charAt(0);
					if (first < 128) {
						buckets.get(first).add(entry);
						if (literal.length() > 1) {
							char second = literal.charAt(1);
							if (second < 64) {
								this.secondCharLow[first] |= 1L << second;
							}
							else if (second < 128) {
								this.secondCharHigh[first] |= 1L << (second - 64);
							}
							else {
								this.secondCharLow[first] = -1;
								this.secondCharHigh[first] = -1;
							}
						}
						else {
							this.secondCharLow[first] = -1;
							this.secondCharHigh[first] = -1;
						}
					}
					else {
						this.nonAscii.add(entry);
					}
				}
			}
			for (int i = 0; i < 128; i++) {
				if (!buckets.get(i).isEmpty()) {
					this.byFirstChar[i] = buckets.get(i).toArray(new Literal[0]);
				}
			}
			this.always = always;
			this.minDigitRuns = digitRuns.keySet().stream().mapToInt(Integer::intValue).toArray();
			this.digitRunBits = digitRuns.values().stream().mapToLong(Long::longValue).toArray();
			this.shortestDigitRun = (this.minDigitRuns.length > 0) ? this.minDigitRuns[0] : Integer.MAX_VALUE;
		}

		/**
		 * One pass over the text: which detectors have a trigger present.
		 */
		long scan(String text) {
			long triggered = this.always;
			int length = text.length();
			int digits = 0;
			int longestRun = 0;
			boolean afterSeparator = false;
			boolean inWord = false;
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				boolean word;
				if (c >= '0' && c <= '9') {
					digits++;
					afterSeparator = false;
					if (digits > longestRun) {
						longestRun = digits;
					}
					word = true;
				}
				else {
					if ((c == ' ' || c == '-') && digits > 0 && !afterSeparator) {
						afterSeparator = true;
					}
					else {
						digits = 0;
						afterSeparator = false;
					}
					word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
				}
				// a literal starting with a letter or digit is only looked for at the start of a word
				if (c < 128 && !(word && inWord)) {
					Literal[] candidates = this.byFirstChar[c];
					if (candidates != null && secondCharMatches(c, text, i + 1)) {
						for (Literal candidate : candidates) {
							if ((triggered & candidate.bit) == 0 && text.startsWith(candidate.text, i)) {
								triggered |= candidate.bit;
							}
						}
					}
				}
				inWord = word;
			}
			if (longestRun >= this.shortestDigitRun) {
				for (int i = 0; i < this.minDigitRuns.length && this.minDigitRuns[i] <= longestRun; i++) {
					triggered |= this.digitRunBits[i];
				}
			}
			if (!this.nonAscii.isEmpty()) {
				for (Literal literal : this.nonAscii) {
					if (text.contains(literal.text)) {
						triggered |= literal.bit;
					}
				}
			}
			return triggered;
		}

		private boolean secondCharMatches(char first, String text, int index) {
			if (index >= text.length()) {
				return this.secondCharLow[first] == -1;
			}
			char second = text.charAt(index);
			if (second < 64) {
				return (this.secondCharLow[first] & (1L << second)) != 0;
			}
			if (second < 128) {
				return (this.secondCharHigh[first] & (1L << (second - 64))) != 0;
			}
			return this.secondCharLow[first] == -1;
		}

	}

	private record Literal(String text, long bit) {
	}

}
