package io.fluxtail.logging.debug;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;

/**
 * What debug-on-error keeps and what debug on demand writes.
 *
 * @param keepLevel the lowest level kept for a failure, {@code null} when debug-on-error is off
 * @param maxLinesPerUnit lines kept per unit of work; later ones are left out and counted
 * @param maxBytesPerUnit estimated bytes kept per unit of work
 * @param maxBytes estimated bytes kept by all units at once
 * @param onDemandLevel the lowest level written for a unit with a valid token, {@code null} when
 * debug on demand is off
 * @param forwardToken whether a valid token is sent on with the unit's outbound requests
 */
public record DebugSettings(@Nullable Level keepLevel, int maxLinesPerUnit, long maxBytesPerUnit, long maxBytes,
		@Nullable Level onDemandLevel, boolean forwardToken) {

	/** Default lines kept per unit. */
	public static final int DEFAULT_MAX_LINES_PER_UNIT = 200;

	/** Default bytes kept per unit. */
	public static final long DEFAULT_MAX_BYTES_PER_UNIT = 128 * 1024;

	/** Default bytes kept by all units. */
	public static final long DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

	public DebugSettings {
		if (maxLinesPerUnit < 0 || maxBytesPerUnit < 0 || maxBytes < 0) {
			throw new IllegalArgumentException("limits must not be negative");
		}
	}

}
