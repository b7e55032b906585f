package io.fluxtail.logging.debug;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of debug-on-error and debug on demand, apart from their settings.
 */
public final class DebugStats {

	private final LongAdder unitsFlushed = new LongAdder();

	private final LongAdder linesFlushed = new LongAdder();

	private final LongAdder linesDiscarded = new LongAdder();

	private final LongAdder linesLeftOut = new LongAdder();

	private final Map<TokenCheck, LongAdder> tokens = new EnumMap<>(TokenCheck.class);

	public DebugStats() {
		for (TokenCheck check : TokenCheck.values()) {
			this.tokens.put(check, new LongAdder());
		}
	}

	void flushed(int lines) {
		this.unitsFlushed.increment();
		this.linesFlushed.add(lines);
	}

	void discarded(int lines) {
		this.linesDiscarded.add(lines);
	}

	void leftOut(int lines) {
		this.linesLeftOut.add(lines);
	}

	void token(TokenCheck check) {
		this.tokens.get(check).increment();
	}

	/**
	 * Returns the units whose kept lines were written because they failed.
	 * @return the count
	 */
	public long unitsFlushed() {
		return this.unitsFlushed.sum();
	}

	/**
	 * Returns the kept lines written because their unit failed.
	 * @return the count
	 */
	public long linesFlushed() {
		return this.linesFlushed.sum();
	}

	/**
	 * Returns the kept lines dropped because their unit did not fail.
	 * @return the count
	 */
	public long linesDiscarded() {
		return this.linesDiscarded.sum();
	}

	/**
	 * Returns the lines not kept because a unit's or the global limit was reached, or because
	 * their unit had already ended.
	 * @return the count
	 */
	public long linesLeftOut() {
		return this.linesLeftOut.sum();
	}

	/**
	 * Returns the requests counted by what their debug token was.
	 * @param check the result
	 * @return the count
	 */
	public long tokens(TokenCheck check) {
		return this.tokens.get(check).sum();
	}

}
