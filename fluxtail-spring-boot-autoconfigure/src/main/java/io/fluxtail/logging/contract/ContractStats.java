package io.fluxtail.logging.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the encoder did to keep lines within the contract, since start.
 */
public final class ContractStats {

	private final Map<String, LongAdder> eventsByLevel = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> defaultsApplied = new ConcurrentHashMap<>();

	private final LongAdder conflictsRenamed = new LongAdder();

	private final LongAdder conflictsDropped = new LongAdder();

	/**
	 * Counts one encoded event.
	 * @param level the event's level
	 */
	public void event(String level) {
		this.eventsByLevel.computeIfAbsent(level, (key) -> new LongAdder()).increment();
	}

	/**
	 * Counts a required field written with its default.
	 * @param field the field's default name
	 */
	public void defaultApplied(String field) {
		this.defaultsApplied.computeIfAbsent(field, (key) -> new LongAdder()).increment();
	}

	/**
	 * Counts a business field kept under another name because its name was taken.
	 */
	public void conflictRenamed() {
		this.conflictsRenamed.increment();
	}

	/**
	 * Counts a business field dropped because neither its name nor the fallback name was free.
	 */
	public void conflictDropped() {
		this.conflictsDropped.increment();
	}

	public Map<String, Long> eventsByLevel() {
		return snapshot(this.eventsByLevel);
	}

	public Map<String, Long> defaultsApplied() {
		return snapshot(this.defaultsApplied);
	}

	public long conflictsRenamed() {
		return this.conflictsRenamed.sum();
	}

	public long conflictsDropped() {
		return this.conflictsDropped.sum();
	}

	private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
		Map<String, Long> snapshot = new LinkedHashMap<>();
		counters.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> snapshot.put(entry.getKey(), entry.getValue().sum()));
		return Collections.unmodifiableMap(snapshot);
	}

}
