package io.fluxtail.logging.output;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import ch.qos.logback.classic.Level;
import io.fluxtail.logging.contract.NamedCounters;
import org.jspecify.annotations.Nullable;

/**
 * Events dropped because the queue was full, per level: the totals since start, and the counts not
 * yet reported in a line. Only the drop path writes here, so the log path pays nothing for it.
 */
final class DropCounts {

	/** Levels in the order reports list them. */
	static final Level[] LEVELS = { Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE };

	/** Names of the levels that can be dropped, in report order. */
	static final List<String> LEVEL_NAMES = Arrays.stream(LEVELS).map((level) -> level.levelStr).toList();

	private final NamedCounters totals = new NamedCounters();

	private final AtomicLongArray unreported = new AtomicLongArray(LEVELS.length);

	/** Epoch millis of the first unreported drop, 0 when none. */
	private final AtomicLong firstUnreported = new AtomicLong();

	void dropped(Level level) {
		this.totals.increment(level.levelStr);
		this.unreported.incrementAndGet(indexOf(level));
		this.firstUnreported.compareAndSet(0, System.currentTimeMillis());
	}

	/**
	 * Returns the totals since start.
	 * @return dropped events by level name, levels without drops left out
	 */
	public Map<String, Long> byLevel() {
		return this.totals.snapshot();
	}

	/**
	 * Returns the total for one level since start.
	 * @param level the level name ({@code INFO}, ...)
	 * @return the number of dropped events of that level
	 */
	public long dropped(String level) {
		return this.totals.get(level);
	}

	/**
	 * Takes the drops not reported yet, so that the next call only sees newer ones.
	 * @return the counts by level and the time of the first one, {@code null} when there are none
	 */
	@Nullable DropReport takeUnreported() {
		long since = this.firstUnreported.get();
		if (since == 0) {
			return null;
		}
		// Reset the time first: a drop racing with this call is counted in the next report.
		this.firstUnreported.set(0);
		Map<Level, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < LEVELS.length; i++) {
			long count = this.unreported.getAndSet(i, 0);
			if (count > 0) {
				counts.put(LEVELS[i], count);
			}
		}
		return counts.isEmpty() ? null : DropReport.dropped(counts, Instant.ofEpochMilli(since));
	}

	private static int indexOf(Level level) {
		return switch (level.levelInt) {
			case Level.ERROR_INT -> 0;
			case Level.WARN_INT -> 1;
			case Level.INFO_INT -> 2;
			case Level.DEBUG_INT -> 3;
			default -> 4;
		};
	}

}
