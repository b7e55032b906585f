package io.fluxtail.propagation;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The whole MDC of a thread at one moment, to be put back exactly: keys the request added, changed
 * or leaked are all undone by {@link #close()}.
 */
public final class MdcSnapshot implements AutoCloseable {

	private final @Nullable Map<String, String> previous;

	private MdcSnapshot(@Nullable Map<String, String> previous) {
		this.previous = previous;
	}

	/**
	 * Captures the current thread's MDC.
	 * @return the snapshot, to close on the same thread
	 */
	public static MdcSnapshot capture() {
		return new MdcSnapshot(MDC.getCopyOfContextMap());
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
	}

}
