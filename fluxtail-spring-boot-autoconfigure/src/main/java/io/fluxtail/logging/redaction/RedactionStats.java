package io.fluxtail.logging.redaction;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.fluxtail.logging.contract.NamedCounters;
import org.jspecify.annotations.Nullable;

/**
 * Counters of what redaction did since start: secrets removed by detector id, values and field
 * names truncated, and detectors that failed (each failure withheld a value).
 */
public final class RedactionStats implements RedactionListener {

	private final NamedCounters redactions = new NamedCounters();

	private final NamedCounters failures = new NamedCounters();

	private final LongAdder truncations = new LongAdder();

	private volatile @Nullable Consumer<String> failureReporter;

	/**
	 * Counts one removed secret.
	 * @param detectorId the id of the detector (or {@link SensitiveKeys#ID})
	 */
	@Override
	public void redacted(String detectorId) {
		this.redactions.increment(detectorId);
	}

	/**
	 * Counts one value or field name cut to its size limit.
	 */
	@Override
	public void truncated() {
		this.truncations.increment();
	}

	/**
	 * Counts a detector failure, reporting the first one of each detector.
	 * @param detectorId the detector's id
	 * @param failure what it threw
	 */
	@Override
	public void failed(String detectorId, Throwable failure) {
		boolean first = !this.failures.contains(detectorId);
		this.failures.increment(detectorId);
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
		return this.redactions.get(detectorId);
	}

	public Map<String, Long> redactionsByDetector() {
		return this.redactions.snapshot();
	}

	public Map<String, Long> failuresByDetector() {
		return this.failures.snapshot();
	}

	public long truncations() {
		return this.truncations.sum();
	}

}
