package io.fluxtail.logging.encoder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats epoch milliseconds as ISO-8601 UTC with milliseconds ({@code 2026-04-24T10:14:03.125Z}),
 * formatting the date and time of day only once per second.
 */
final class TimestampFormat {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** {@code .000Z} to {@code .999Z}, so that a new millisecond costs one concatenation. */
	private static final String[] MILLIS_SUFFIXES = new String[1000];

	static {
		for (int i = 0; i < MILLIS_SUFFIXES.length; i++) {
			MILLIS_SUFFIXES[i] = "." + (char) ('0' + i / 100) + (char) ('0' + (i / 10) % 10) + (char) ('0' + i % 10) + "Z";
		}
	}

	private volatile CachedSecond cached = new CachedSecond(Long.MIN_VALUE, "");

	/** Busy services log many lines per millisecond: the last text is reused as is. */
	private volatile CachedMillis last = new CachedMillis(Long.MIN_VALUE, "");

	String format(long epochMillis) {
		CachedMillis last = this.last;
		if (last.epochMillis() == epochMillis) {
			return last.text();
		}
		String text = formatNew(epochMillis);
		this.last = new CachedMillis(epochMillis, text);
		return text;
	}

	private String formatNew(long epochMillis) {
		long second = epochMillis / 1000L;
		int millis = (int) (epochMillis - second * 1000L);
		if (millis < 0) {
			second--;
			millis += 1000;
		}
		CachedSecond current = this.cached;
		if (current.epochSecond() != second) {
			current = new CachedSecond(second, SECONDS.format(Instant.ofEpochSecond(second)));
			this.cached = current;
		}
		return current.text().concat(MILLIS_SUFFIXES[millis]);
	}

	private record CachedSecond(long epochSecond, String text) {
	}

	private record CachedMillis(long epochMillis, String text) {
	}

}
