package io.fluxtail.testsupport;

import ch.qos.logback.core.BasicStatusManager;
import ch.qos.logback.core.status.Status;

/**
 * A Logback status manager that refuses errors while broken, as one whose listener fails would.
 */
public final class BreakableStatusManager extends BasicStatusManager {

	/** Whether an error status throws instead of being kept. */
	public volatile boolean broken;

	@Override
	public void add(Status status) {
		if (this.broken && status.getLevel() == Status.ERROR) {
			throw new AssertionError("status manager broken");
		}
		super.add(status);
	}

}
