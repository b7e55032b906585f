package io.fluxtail.logging.debug;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * The debug state of one unit of work, on every thread that works for it: either the lines below
 * their logger's level kept until the unit ends (debug-on-error), or a lower level written at
 * once (debug on demand). The unit's context puts it on a thread and takes it off with the MDC,
 * so it travels wherever the context does: tasks, Reactor operators, coroutines.
 */
public final class UnitDebug {

	private static final ThreadLocal<UnitDebug> ON_THREAD = new ThreadLocal<>();

	private final DebugLines owner;

	private final int lowestLevel;

	private final boolean writesAtOnce;

	private final @Nullable String forwardedToken;

	private volatile boolean failed;

	// guarded by this
	private @Nullable List<Kept> kept;

	private long bytes;

	private int leftOut;

	private boolean ended;

	UnitDebug(DebugLines owner, Level lowestLevel, boolean writesAtOnce, @Nullable String forwardedToken) {
		this.owner = owner;
		this.lowestLevel = lowestLevel.levelInt;
		this.writesAtOnce = writesAtOnce;
		this.forwardedToken = forwardedToken;
	}

	/**
	 * Returns the debug state of the unit the current thread works for.
	 * @return the state, {@code null} when the thread works for none or both capabilities are off
	 */
	public static @Nullable UnitDebug onThread() {
		return ON_THREAD.get();
	}

	/**
	 * Puts a unit's debug state on the current thread, or takes it off.
	 * @param unit the state, {@code null} for none
	 */
	public static void putOnThread(@Nullable UnitDebug unit) {
		// set, even to null, rather than remove: removing clears the thread's entry, a weak
		// reference, and the next get makes a new one, on every request of a pooled thread
		ON_THREAD.set(unit);
	}

	/**
	 * Returns the token to send on with the unit's outbound requests.
	 * @return the token, {@code null} unless the unit has a valid one and forwarding is on
	 */
	public @Nullable String forwardedToken() {
		return this.forwardedToken;
	}

	/**
	 * Ends the unit: writes its kept lines when it failed (or when an ERROR line was logged in it),
	 * else drops them; lines logged for it afterwards are left out. Call before its completion line.
	 * @param failed whether the unit failed
	 */
	public void end(boolean failed) {
		List<Kept> lines;
		long held;
		int notKept;
		synchronized (this) {
			if (this.ended) {
				return;
			}
			this.ended = true;
			lines = this.kept;
			held = this.bytes;
			notKept = this.leftOut;
			this.kept = null;
		}
		this.owner.ended(lines, held, notKept, failed || this.failed);
	}

	int lowestLevel() {
		return this.lowestLevel;
	}

	boolean writesAtOnce() {
		return this.writesAtOnce;
	}

	void failed() {
		this.failed = true;
	}

	void leftOutOne() {
		synchronized (this) {
			if (!this.ended) {
				this.leftOut++;
			}
		}
		this.owner.leftOut();
	}

	/**
	 * Keeps a line, unless the unit has ended or a limit is reached.
	 * @return whether the line was kept
	 */
	boolean keep(Logger logger, LoggingEvent event, int size) {
		synchronized (this) {
			if (!this.ended) {
				List<Kept> lines = this.kept;
				int count = (lines != null) ? lines.size() : 0;
				if (this.owner.fits(count, this.bytes, size)) {
					if (lines == null) {
						lines = new ArrayList<>();
						this.kept = lines;
					}
					lines.add(new Kept(logger, event));
					this.bytes += size;
					return true;
				}
				this.leftOut++;
			}
		}
		this.owner.leftOut();
		return false;
	}

	/**
	 * A line kept for the unit's failure, with the logger whose appenders write it.
	 */
	record Kept(Logger logger, LoggingEvent event) {

	}

}
