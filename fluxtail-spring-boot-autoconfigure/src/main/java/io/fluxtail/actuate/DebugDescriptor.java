package io.fluxtail.actuate;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Debug-on-error and debug on demand: their settings and what they did since start.
 *
 * @param onError whether debug-on-error keeps lines
 * @param level the lowest level kept, {@code null} when off
 * @param maxLinesPerUnit lines kept per unit of work, {@code null} when off
 * @param maxBytesPerUnit estimated bytes kept per unit of work, {@code null} when off
 * @param maxBytes estimated bytes kept by all units at once, {@code null} when off
 * @param bytesHeld estimated bytes the running units' kept lines hold now
 * @param unitsFlushed units whose kept lines were written because they failed
 * @param linesFlushed kept lines written because their unit failed
 * @param linesDiscarded kept lines dropped because their unit did not fail
 * @param linesLeftOut lines not kept: over a limit, or logged after their unit ended
 * @param onDemand whether debug on demand is on
 * @param onDemandHeader the header that carries the token, {@code null} when off
 * @param onDemandLevel the lowest level written with a valid token, {@code null} when off
 * @param forwardToken whether a valid token is sent on with outbound calls
 * @param tokens requests counted by what their token was ({@code accepted}, {@code missing},
 * {@code malformed}, {@code expired}, {@code forged}, {@code other-path})
 */
public record DebugDescriptor(boolean onError, @Nullable String level, @Nullable Integer maxLinesPerUnit,
		@Nullable Long maxBytesPerUnit, @Nullable Long maxBytes, long bytesHeld, long unitsFlushed, long linesFlushed,
		long linesDiscarded, long linesLeftOut, boolean onDemand, @Nullable String onDemandHeader,
		@Nullable String onDemandLevel, boolean forwardToken, Map<String, Long> tokens) {

}
