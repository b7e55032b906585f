package io.fluxtail.logging.redaction;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The ranges of a text that detectors reported as secrets. A range that overlaps one reported
 * earlier (by an earlier detector) is ignored, so the first detector in order names the secret.
 */
public final class Findings {

	private int[] starts = new int[4];

	private int[] ends = new int[4];

	private String[] ids = new String[4];

	private @Nullable String[] hints = new String[4];

	private int size;

	private String currentId = "";

	Findings() {
	}

	void detector(String id) {
		this.currentId = id;
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
			int capacity = this.size * 2;
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

	boolean isEmpty() {
		return this.size == 0;
	}

	/**
	 * Returns the text with every range replaced, counting each in the stats.
	 */
	String apply(String text, Replacement replacement, RedactionStats stats) {
		Integer[] order = new Integer[this.size];
		for (int i = 0; i < this.size; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Integer.compare(this.starts[a], this.starts[b]));
		StringBuilder result = new StringBuilder(text.length() + 16 * this.size);
		int position = 0;
		for (int index : order) {
			result.append(text, position, this.starts[index]);
			replacement.append(result, this.ids[index], this.hints[index]);
			stats.redacted(this.ids[index]);
			position = this.ends[index];
		}
		return result.append(text, position, text.length()).toString();
	}

}
