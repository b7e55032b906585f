package io.fluxtail.logging.contract;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters keyed by a name (a level, a field, a detector id), cheap to increment from any
 * thread on the logging path and read as a sorted snapshot.
 */
public final class NamedCounters {

	private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

	/**
	 * Adds one to a counter, creating it at zero first.
	 * @param name the counter's name
	 */
	public void increment(String name) {
		LongAdder counter = this.counters.get(name);
		if (counter == null) {
			counter = this.counters.computeIfAbsent(name, (key) -> new LongAdder());
		}
		counter.increment();
	}

	/**
	 * Whether a counter has been incremented at least once.
	 * @param name the counter's name
	 * @return whether it exists
	 */
	public boolean contains(String name) {
		return this.counters.containsKey(name);
	}

	/**
	 * Returns a counter's value.
	 * @param name the counter's name
	 * @return the value, 0 when never incremented
	 */
	public long get(String name) {
		LongAdder counter = this.counters.get(name);
		return (counter != null) ? counter.sum() : 0;
	}

	/**
	 * Returns every counter's value, sorted by name.
	 * @return an unmodifiable snapshot
	 */
	public Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counters.forEach((name, counter) -> snapshot.put(name, counter.sum()));
		return Collections.unmodifiableMap(snapshot);
	}

}
