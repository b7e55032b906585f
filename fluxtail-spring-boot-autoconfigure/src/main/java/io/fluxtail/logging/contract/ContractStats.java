package io.fluxtail.logging.contract;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the encoder did to keep lines within the contract, since start.
 */
public final class ContractStats {

	private final NamedCounters eventsByLevel = new NamedCounters();

	private final NamedCounters defaultsApplied = new NamedCounters();

	private final LongAdder conflictsRenamed = new LongAdder();

	private final LongAdder conflictsDropped = new LongAdder();

	private final LongAdder serializationFailures = new LongAdder();

	private final LongAdder encoderErrors = new LongAdder();

	/**
	 * Counts one encoded event.
	 * @param level the event's level
	 */
	public void event(String level) {
		this.eventsByLevel.increment(level);
	}

	/**
	 * Counts a required field written with its default.
	 * @param field the field's output name (under the schema in use)
	 */
	public void defaultApplied(String field) {
		this.defaultsApplied.increment(field);
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

	/**
	 * Counts an application value (key/value pair, structured argument or marker) that could not be
	 * serialized: a structured argument or marker is left out of its line, a key/value pair turns
	 * its line into the minimal one.
	 */
	public void serializationFailed() {
		this.serializationFailures.increment();
	}

	/**
	 * Counts an event written as the minimal {@code encoder_error} line because it could not be
	 * encoded in full.
	 */
	public void encoderError() {
		this.encoderErrors.increment();
	}

	public Map<String, Long> eventsByLevel() {
		return this.eventsByLevel.snapshot();
	}

	public Map<String, Long> defaultsApplied() {
		return this.defaultsApplied.snapshot();
	}

	public long conflictsRenamed() {
		return this.conflictsRenamed.sum();
	}

	public long conflictsDropped() {
		return this.conflictsDropped.sum();
	}

	public long serializationFailures() {
		return this.serializationFailures.sum();
	}

	public long encoderErrors() {
		return this.encoderErrors.sum();
	}

}
