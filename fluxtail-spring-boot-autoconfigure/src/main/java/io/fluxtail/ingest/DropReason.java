package io.fluxtail.ingest;

import java.util.Locale;

/**
 * Why events were not delivered.
 */
public enum DropReason {

	/** The queue was full: the backend was slower than the application logged. */
	QUEUE_FULL,

	/** The backend refused the batch with a 4xx status other than 429; sending it again would not help. */
	REJECTED,

	/** The backend stayed unreachable or failing for longer than the retry budget. */
	RETRIES_EXHAUSTED,

	/** The application stopped before the events could be delivered within the stop bound. */
	SHUTDOWN,

	/** Sending threw an unexpected error, a defect rather than an outage; the next batch is sent. */
	FAILED;

	/**
	 * Returns the name used in the endpoint and as the metric tag.
	 * @return the lower-case name
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
