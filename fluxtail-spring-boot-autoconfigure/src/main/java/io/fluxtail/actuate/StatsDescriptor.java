package io.fluxtail.actuate;

import java.util.Map;

/**
 * Counters since start.
 *
 * @param eventsByLevel events encoded, by level
 * @param defaultsApplied how often each required field was written with its default
 * @param conflictsRenamed application fields kept under a prefixed name because their name was
 * taken
 * @param conflictsDropped application fields dropped because no name was free
 */
public record StatsDescriptor(Map<String, Long> eventsByLevel, Map<String, Long> defaultsApplied,
		long conflictsRenamed, long conflictsDropped) {

}
