package io.fluxtail.logging.debug;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.UnitDebug.Kept;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * Opens the debug state of units of work, holds the budget their kept lines share, and writes or
 * drops those lines when a unit ends. Kept lines are Logback events fixed at the call (message
 * formatted, thread named, MDC copied); a failed unit's are handed to their logger's appenders in
 * the order they were logged, so they get the contract, redaction and format of every line, and
 * storm control (a turbo filter) never sees them.
 */
public final class DebugLines {

	/** Logger of the line that says how many of a failed unit's lines were left out. */
	public static final String LOGGER_NAME = "io.fluxtail.debug";

	private static final String FQCN = DebugLines.class.getName();

	private static final KeyValuePair BUFFERED = new KeyValuePair(CoreFields.BUFFERED, Boolean.TRUE);

	private final DebugSettings settings;

	private final DebugStats stats;

	private final Logger notices;

	private final AtomicLong bytesHeld = new AtomicLong();

	/**
	 * Creates the lines.
	 * @param settings the settings
	 * @param stats where lines and units are counted
	 * @param notices the logger of the left-out line, {@value #LOGGER_NAME}
	 */
	public DebugLines(DebugSettings settings, DebugStats stats, Logger notices) {
		this.settings = settings;
		this.stats = stats;
		this.notices = notices;
	}

	/**
	 * Opens the debug state of a new unit of work.
	 * @param validToken the unit's debug token, already checked, {@code null} when it has none
	 * @return the state, {@code null} when neither capability applies to the unit
	 */
	public @Nullable UnitDebug open(@Nullable String validToken) {
		Level onDemand = this.settings.onDemandLevel();
		if (validToken != null && onDemand != null) {
			return new UnitDebug(this, onDemand, true, this.settings.forwardToken() ? validToken : null);
		}
		Level keep = this.settings.keepLevel();
		return (keep != null) ? new UnitDebug(this, keep, false, null) : null;
	}

	/**
	 * Returns the settings.
	 * @return the settings
	 */
	public DebugSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the counters.
	 * @return the counters
	 */
	public DebugStats stats() {
		return this.stats;
	}

	/**
	 * Returns the estimated bytes the kept lines of running units hold now.
	 * @return the bytes
	 */
	public long bytesHeld() {
		return this.bytesHeld.get();
	}

	/**
	 * Whether one more line fits a unit's limits and the global budget, which it then takes.
	 */
	boolean fits(int lines, long unitBytes, int size) {
		if (lines >= this.settings.maxLinesPerUnit() || unitBytes + size > this.settings.maxBytesPerUnit()) {
			return false;
		}
		long held;
		do {
			held = this.bytesHeld.get();
			if (held + size > this.settings.maxBytes()) {
				return false;
			}
		}
		while (!this.bytesHeld.compareAndSet(held, held + size));
		return true;
	}

	void leftOut() {
		this.stats.leftOut(1);
	}

	/**
	 * Writes a failed unit's kept lines and says how many were left out, or drops them; gives
	 * their bytes back to the budget. Never throws.
	 */
	void ended(@Nullable List<Kept> lines, long held, int leftOut, boolean failed) {
		this.bytesHeld.addAndGet(-held);
		int count = (lines != null) ? lines.size() : 0;
		if (!failed) {
			this.stats.discarded(count);
			return;
		}
		int written = 0;
		for (int i = 0; i < count; i++) {
			Kept kept = lines.get(i);
			kept.event().addKeyValuePair(BUFFERED);
			if (write(kept.logger(), kept.event())) {
				written++;
			}
		}
		this.stats.leftOut(count - written);
		int lost = leftOut + count - written;
		if (written > 0 || lost > 0) {
			this.stats.flushed(written);
		}
		if (lost > 0) {
			writeLeftOut(lost);
		}
	}

	private void writeLeftOut(int lost) {
		if (!this.notices.isEnabledFor(Level.INFO)) {
			return;
		}
		LoggingEvent line = new LoggingEvent(FQCN, this.notices, Level.INFO,
				"{} debug lines of this failed unit of work were left out: over {} lines or {} bytes for the unit, "
						+ "or {} bytes for all units",
				null, new Object[] { lost, this.settings.maxLinesPerUnit(), this.settings.maxBytesPerUnit(),
						this.settings.maxBytes() });
		line.addKeyValuePair(BUFFERED);
		line.addKeyValuePair(new KeyValuePair(CoreFields.BUFFERED_LEFT_OUT, lost));
		write(this.notices, line);
	}

	private static boolean write(Logger logger, LoggingEvent event) {
		try {
			logger.callAppenders(event);
			return true;
		}
		catch (Throwable ex) {
			// An appender that throws loses this line, not the unit's others nor the application's work.
			return false;
		}
	}

}
