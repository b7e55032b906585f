package io.fluxtail.logging.output;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * The WARN line that says which events never reached the output: dropped while the queue was full,
 * or still queued when a graceful stop ran out of time. It goes through the same encoder as every
 * other line, so it follows the contract.
 *
 * @param message the line's message
 * @param keyPrefix prefix of the per-level key/value pairs ({@code dropped_info=120})
 * @param counts events by level, only levels that lost events
 * @param since when the first of them was dropped, {@code null} for events left at shutdown
 * @param inFlight events of the batch a blocked write held (taken from the queue, not known to be
 * written out), counted apart
 */
record DropReport(String message, String keyPrefix, Map<Level, Long> counts, @Nullable Instant since, long inFlight) {

	/** Logger name of report lines. */
	static final String LOGGER = "io.fluxtail.output";

	/** Key of the time of the first dropped event. */
	static final String SINCE_KEY = "dropped_since";

	/** Key of the events a blocked write held when a stop gave up on it. */
	static final String IN_FLIGHT_KEY = "unwritten_in_flight";

	static DropReport dropped(Map<Level, Long> counts, Instant since) {
		return new DropReport("Log output queue was full: dropped " + describe(counts) + " since " + since, "dropped_",
				counts, since, 0);
	}

	static DropReport unwritten(Map<Level, Long> counts, Duration shutdownTimeout) {
		return new DropReport("Log output queue was not written within " + shutdownTimeout.toMillis()
				+ " ms at shutdown: " + describe(counts) + " left unwritten", "unwritten_", counts, null, 0);
	}

	static DropReport blocked(Map<Level, Long> counts, long inFlight, Duration shutdownTimeout) {
		return new DropReport("Log output was blocked at shutdown (a write did not return within "
				+ shutdownTimeout.toMillis() + " ms): " + describe(counts) + " queued and " + inFlight
				+ " events in flight left unwritten", "unwritten_", counts, null, inFlight);
	}

	LoggingEvent toEvent(Logger logger) {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.WARN, this.message, null, null);
		this.counts.forEach((level, count) -> event.addKeyValuePair(
				new KeyValuePair(this.keyPrefix + level.levelStr.toLowerCase(Locale.ROOT), count)));
		if (this.since != null) {
			event.addKeyValuePair(new KeyValuePair(SINCE_KEY, this.since.toString()));
		}
		if (this.inFlight > 0) {
			event.addKeyValuePair(new KeyValuePair(IN_FLIGHT_KEY, this.inFlight));
		}
		return event;
	}

	private static String describe(Map<Level, Long> counts) {
		StringJoiner joiner = new StringJoiner(", ");
		joiner.setEmptyValue("no");
		counts.forEach((level, count) -> joiner.add(count + " " + level.levelStr));
		return joiner + " events";
	}

}
