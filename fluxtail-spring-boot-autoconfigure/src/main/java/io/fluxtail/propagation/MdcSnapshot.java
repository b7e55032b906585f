package io.fluxtail.propagation;

import java.util.Map;

import io.fluxtail.logging.debug.UnitDebug;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The whole MDC of a thread at one moment, with the unit's debug state that goes with it, to be
 * put back exactly: keys the request added, changed or leaked are all undone by {@link #close()}.
 */
public final class MdcSnapshot implements AutoCloseable {

	private final @Nullable Map<String, String> previous;

	private final @Nullable UnitDebug previousDebug;

	private MdcSnapshot(@Nullable Map<String, String> previous, @Nullable UnitDebug previousDebug) {
		this.previous = previous;
		this.previousDebug = previousDebug;
	}

	/**
	 * Captures the current thread's MDC.
	 * @return the snapshot, to close on the same thread
	 */
	public static MdcSnapshot capture() {
		return new MdcSnapshot(MDC.getCopyOfContextMap(), UnitDebug.onThread());
	}

	/**
	 * Puts the captured MDC back on the current thread.
	 */
	@Override
	public void close() {
		if (this.previous == null || this.previous.isEmpty()) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(this.previous);
		}
		UnitDebug.putOnThread(this.previousDebug);
	}

}
