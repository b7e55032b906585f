package io.fluxtail.logging.redaction;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The ranges of a text that detectors reported as secrets. A range that overlaps one reported
 * earlier (by an earlier detector) is ignored, so the first detector in order names the secret.
 *
 * <p>
 * To unit-test a detector of your own, give it a new instance and read what it reported:
 *
 * <pre>{@code
 * Findings findings = Findings.of(new BadgeDetector(), "badge EMP-123456 scanned");
 * assertThat(findings.size()).isEqualTo(1);
 * assertThat(findings.secret(0)).isEqualTo("EMP-123456");
 * }</pre>
 */
public final class Findings {

	// allocated on the first report: most texts a detector looks at hold no secret
	private int[] starts = new int[0];

	private int[] ends = new int[0];

	private String[] ids = new String[0];

	private @Nullable String[] hints = new String[0];

	private int size;

	private String currentId = "";

	private String text = "";

	private int searchFrom;

	/**
	 * Creates an empty list, for a test of a detector.
	 */
	public Findings() {
	}

	/**
	 * Sets which detector reports next, and on which text.
	 */
	void detector(String id, String text, int searchFrom) {
		this.currentId = id;
		this.text = text;
		this.searchFrom = searchFrom;
	}

	/**
	 * Returns where the first of the current detector's literal triggers occurs in the text (0
	 * when it was triggered otherwise). A detector whose secrets start with one of its triggers
	 * finds none before this index.
	 * @return the index
	 */
	public int searchFrom() {
		return this.searchFrom;
	}

	/**
	 * Reports a secret.
	 * @param start index of its first character
	 * @param end index after its last character
	 */
	public void add(int start, int end) {
		add(start, end, null);
	}

	/**
	 * Reports a secret with a hint that partial mode may keep, such as a card's last four digits
	 * or a token's public prefix. The hint must not reveal the secret.
	 * @param start index of its first character
	 * @param end index after its last character
	 * @param hint the safe hint, or {@code null}
	 */
	public void add(int start, int end, @Nullable String hint) {
		if (start >= end) {
			return;
		}
		for (int i = 0; i < this.size; i++) {
			if (start < this.ends[i] && this.starts[i] < end) {
				return;
			}
		}
		if (this.size == this.starts.length) {
			int capacity = Math.max(4, this.size * 2);
			this.starts = Arrays.copyOf(this.starts, capacity);
			this.ends = Arrays.copyOf(this.ends, capacity);
			this.ids = Arrays.copyOf(this.ids, capacity);
			this.hints = Arrays.copyOf(this.hints, capacity);
		}
		this.starts[this.size] = start;
		this.ends[this.size] = end;
		this.ids[this.size] = this.currentId;
		this.hints[this.size] = hint;
		this.size++;
	}

	/**
	 * Returns how many secrets were reported (overlapping ones once).
	 * @return the count
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Returns where a reported secret starts.
	 * @param index the secret's position in report order
	 * @return the index of its first character
	 */
	public int start(int index) {
		return this.starts[checked(index)];
	}

	/**
	 * Returns where a reported secret ends.
	 * @param index the secret's position in report order
	 * @return the index after its last character
	 */
	public int end(int index) {
		return this.ends[checked(index)];
	}

	/**
	 * Returns the safe hint given with a reported secret.
	 * @param index the secret's position in report order
	 * @return the hint or {@code null}
	 */
	public @Nullable String hint(int index) {
		return this.hints[checked(index)];
	}

	/**
	 * Returns a reported secret's text, when the findings were collected by
	 * {@link #of(Detector, String)}.
	 * @param index the secret's position in report order
	 * @return the secret
	 */
	public String secret(int index) {
		return this.text.substring(start(index), end(index));
	}

	/**
	 * Runs a detector on a text, as redaction does.
	 * @param detector the detector
	 * @param text the text
	 * @return what it reported
	 */
	public static Findings of(Detector detector, String text) {
		Findings findings = new Findings();
		findings.detector(detector.id(), text, 0);
		detector.detect(text, findings);
		return findings;
	}

	private int checked(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return index;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/**
	 * Returns the text with every range replaced, telling the listener about each.
	 */
	String apply(String text, Replacement replacement, RedactionListener listener) {
		int[] order = new int[this.size];
		for (int i = 0; i < this.size; i++) {
			// insertion sort by start: a text holds a handful of secrets at most
			int j = i;
			while (j > 0 && this.starts[order[j - 1]] > this.starts[i]) {
				order[j] = order[j - 1];
				j--;
			}
			order[j] = i;
		}
		StringBuilder result = new StringBuilder(text.length() + 16 * this.size);
		int position = 0;
		for (int index : order) {
			result.append(text, position, this.starts[index]);
			replacement.append(result, this.ids[index], this.hints[index]);
			listener.redacted(this.ids[index]);
			position = this.ends[index];
		}
		return result.append(text, position, text.length()).toString();
	}

}
