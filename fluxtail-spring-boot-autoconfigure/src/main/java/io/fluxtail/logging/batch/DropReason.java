package io.fluxtail.logging.batch;

import java.util.Locale;

/**
 * Why items never reached their destination; the same reasons for the log output and the ingest.
 */
public enum DropReason {

	/** The queue was full: the destination was slower than the application logged. */
	QUEUE_FULL,

	/** The destination refused the batch for good (a 4xx other than 429); sending it again would not help. */
	REJECTED,

	/** The destination stayed unreachable or failing for longer than the retry budget. */
	RETRIES_EXHAUSTED,

	/** The application stopped before the items could be handed on within the stop timeout. */
	SHUTDOWN,

	/** Handing on threw an unexpected error, a defect rather than an outage; the next batch goes on. */
	FAILED;

	/**
	 * Returns the name used in the endpoint and as the metric tag.
	 * @return the lower-case name
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
