package io.fluxtail.logging.redaction;

/**
 * Told what a {@link RedactionPolicy} did while redacting a value, so the caller decides what to
 * count: the encoder counts into its {@link RedactionStats}, a check of configured values counts
 * nothing.
 */
public interface RedactionListener {

	/**
	 * One secret was removed.
	 * @param detectorId the detector's id, or {@link SensitiveKeys#ID}
	 */
	void redacted(String detectorId);

	/**
	 * One value or field name was cut to its size limit.
	 */
	void truncated();

	/**
	 * A detector threw, so the value it was checking was withheld.
	 * @param detectorId the detector's id
	 * @param failure what it threw
	 */
	void failed(String detectorId, Throwable failure);

	/**
	 * A listener that counts nothing.
	 * @return the listener
	 */
	static RedactionListener none() {
		return NoCounting.INSTANCE;
	}

}
