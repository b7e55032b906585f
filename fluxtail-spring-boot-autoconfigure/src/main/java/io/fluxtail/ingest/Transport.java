package io.fluxtail.ingest;

import java.time.Duration;
import java.util.Collection;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.jspecify.annotations.Nullable;

/**
 * Sends one batch and says what to do next. Implementations never throw.
 */
interface Transport {

	/**
	 * Sends a batch, blocking until it is answered or has failed.
	 * @param batch the records
	 * @return what happened
	 */
	Outcome send(Collection<LogRecordData> batch);

	/**
	 * Abandons an exchange under way and releases what the transport holds; may be called more
	 * than once.
	 */
	default void close() {
	}

	/**
	 * What happened to a batch.
	 *
	 * @param result accepted, to be sent again, or refused for good
	 * @param status the HTTP status, {@code 0} when none was received
	 * @param retryAfter how long the backend asked to wait, {@code null} when it did not say
	 * @param problem a description of a failure, without credentials
	 */
	record Outcome(Result result, int status, @Nullable Duration retryAfter, @Nullable String problem) {

		/** Accepted. */
		public static final Outcome SENT = new Outcome(Result.SENT, 200, null, null);

		/**
		 * What to do with the batch.
		 */
		public enum Result {

			/** Accepted. */
			SENT,

			/** Failed in a way that may pass: connection error, 5xx, 429. */
			RETRY,

			/** Refused for good: any other 4xx. */
			REJECTED

		}

	}

}
