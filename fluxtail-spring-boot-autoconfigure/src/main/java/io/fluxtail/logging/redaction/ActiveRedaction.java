package io.fluxtail.logging.redaction;

import java.util.List;

/**
 * The redaction in force for the encoders of one application: the policy they apply now, and the
 * counters they report to. The policy is replaced whole when detectors join after start
 * (application beans), never changed in place.
 */
public final class ActiveRedaction {

	private final RedactionPolicy configured;

	private final RedactionStats stats = new RedactionStats();

	private volatile RedactionPolicy policy;

	/**
	 * Starts with the configured policy.
	 * @param configured the policy compiled from configuration
	 */
	public ActiveRedaction(RedactionPolicy configured) {
		this.configured = configured;
		this.policy = configured;
	}

	/**
	 * Returns the policy in force.
	 * @return the policy
	 */
	public RedactionPolicy policy() {
		return this.policy;
	}

	/**
	 * Returns the counters of everything redacted since start.
	 * @return the counters
	 */
	public RedactionStats stats() {
		return this.stats;
	}

	/**
	 * Puts in force the configured policy plus detectors added after start, replacing those added
	 * before. Nothing is added when redaction is off.
	 * @param extra the detectors, run after the configured ones
	 * @throws IllegalArgumentException when an id is already used
	 */
	public synchronized void setExtraDetectors(List<Detector> extra) {
		this.policy = (extra.isEmpty() || !this.configured.enabled()) ? this.configured
				: this.configured.withDetectors(extra);
	}

}
