package io.fluxtail.propagation;

import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * How a unit of work ended, written as {@code outcome} on its completion line: one vocabulary for
 * HTTP requests, job runs and records, so that {@code outcome=ERROR} finds every failed unit
 * whatever its kind. The line's level follows: ERROR for {@link #ERROR}, INFO otherwise.
 */
public enum Outcome {

	/** The work was done: a job or listener returned, a request was answered below 400. */
	SUCCESS,

	/** The caller's mistake, not the service's: a request answered with a 4xx. */
	CLIENT_ERROR,

	/** The work failed: it threw, or a request was answered with a 5xx. */
	ERROR,

	/** The caller went away before the work ended, such as a reactive request cancelled. */
	CANCELLED;

	/**
	 * Returns the outcome of an HTTP response status.
	 * @param status the status
	 * @return {@link #ERROR} from 500, {@link #CLIENT_ERROR} from 400, {@link #SUCCESS} below
	 */
	public static Outcome ofStatus(int status) {
		if (status >= 500) {
			return ERROR;
		}
		return (status >= 400) ? CLIENT_ERROR : SUCCESS;
	}

	/**
	 * Returns the outcome of work that returned or threw.
	 * @param failure what it threw, {@code null} when it returned
	 * @return {@link #ERROR} or {@link #SUCCESS}
	 */
	public static Outcome of(@Nullable Throwable failure) {
		return (failure != null) ? ERROR : SUCCESS;
	}

	/**
	 * Returns the level of the completion line.
	 * @return ERROR for a failure, INFO otherwise
	 */
	public Level level() {
		return (this == ERROR) ? Level.ERROR : Level.INFO;
	}

}
