package io.fluxtail.logging.redaction;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Counters of what redaction did since start: secrets removed by detector id, values truncated,
 * and detectors that failed (each failure withheld a value).
 */
public final class RedactionStats {

	private final Map<String, LongAdder> redactions = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

	private final LongAdder truncations = new LongAdder();

	private volatile @Nullable Consumer<String> failureReporter;

	/**
	 * Counts one removed secret.
	 * @param detectorId the id of the detector (or {@link SensitiveKeys#ID})
	 */
	public void redacted(String detectorId) {
		counter(this.redactions, detectorId).increment();
	}

	/**
	 * Counts one value cut to its size limit.
	 */
	public void truncated() {
		this.truncations.increment();
	}

	/**
	 * Counts a detector failure, reporting the first one of each detector.
	 * @param detectorId the detector's id
	 * @param failure what it threw
	 */
	public void failed(String detectorId, Throwable failure) {
		boolean first = !this.failures.containsKey(detectorId);
		counter(this.failures, detectorId).increment();
		Consumer<String> reporter = this.failureReporter;
		if (first && reporter != null) {
			reporter.accept("Redaction detector '" + detectorId + "' failed (" + failure
					+ "); values it cannot check are withheld");
		}
	}

	/**
	 * Sets where the first failure of each detector is reported, unless already set.
	 * @param reporter receives a one-line message
	 */
	public void reportFailuresTo(Consumer<String> reporter) {
		if (this.failureReporter == null) {
			this.failureReporter = reporter;
		}
	}

	/**
	 * Returns how many secrets a detector removed.
	 * @param detectorId the detector's id
	 * @return the count
	 */
	public long redactions(String detectorId) {
		LongAdder counter = this.redactions.get(detectorId);
		return (counter != null) ? counter.sum() : 0;
	}

	public Map<String, Long> redactionsByDetector() {
		return snapshot(this.redactions);
	}

	public Map<String, Long> failuresByDetector() {
		return snapshot(this.failures);
	}

	public long truncations() {
		return this.truncations.sum();
	}

	private static LongAdder counter(Map<String, LongAdder> counters, String id) {
		LongAdder counter = counters.get(id);
		return (counter != null) ? counter : counters.computeIfAbsent(id, (key) -> new LongAdder());
	}

	private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
		Map<String, Long> snapshot = new TreeMap<>();
		counters.forEach((id, counter) -> snapshot.put(id, counter.sum()));
		return Collections.unmodifiableMap(snapshot);
	}

}
