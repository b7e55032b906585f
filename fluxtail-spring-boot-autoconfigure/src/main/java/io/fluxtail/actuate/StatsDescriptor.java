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
 * @param serializationFailures application values that could not be serialized: a structured
 * argument or marker left out of its line, or a key/value pair whose line became the minimal one
 * @param encoderErrors events written as the minimal {@code encoder_error} line
 * @param redactionsByDetector values replaced, by detector id ({@code sensitive_key} for names)
 * @param truncations values cut to the size limits
 * @param redactionFailuresByDetector values withheld because a detector failed on them
 * @param acceptedInboundIds inbound request ids kept
 * @param rejectedInboundIds inbound request ids refused as unsafe and replaced
 * @param generatedIds request ids generated
 * @param completedRequests completion lines written
 */
public record StatsDescriptor(Map<String, Long> eventsByLevel, Map<String, Long> defaultsApplied,
		long conflictsRenamed, long conflictsDropped, long serializationFailures, long encoderErrors,
		Map<String, Long> redactionsByDetector, long truncations,
		Map<String, Long> redactionFailuresByDetector, long acceptedInboundIds, long rejectedInboundIds,
		long generatedIds, long completedRequests) {

}
