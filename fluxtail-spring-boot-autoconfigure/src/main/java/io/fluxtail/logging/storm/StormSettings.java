package io.fluxtail.logging.storm;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;

/**
 * How storm control limits repeated lines.
 *
 * @param limit lines written per key in each window; the rest of the window's lines are suppressed
 * @param window how long a key's window lasts, from its first line
 * @param maxKeys keys tracked at once; beyond it, the least recently seen keys are flushed into
 * their summary lines and forgotten first
 * @param minLevel lines below this level are never suppressed
 * @param neverSuppressAbove lines of a level above this one are never suppressed; {@code null} when
 * every level may be
 * @param excludedPackages class name prefixes left out of exception fingerprints (the stack
 * trace's collapsed packages)
 */
public record StormSettings(int limit, Duration window, int maxKeys, Level minLevel,
		@Nullable Level neverSuppressAbove, List<String> excludedPackages) {

	/** Default lines per key and window. */
	public static final int DEFAULT_LIMIT = 1000;

	/** Default window. */
	public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

	/** Default lowest level that may be suppressed: a storm is a burst of warnings and errors. */
	public static final Level DEFAULT_MIN_LEVEL = Level.WARN;

	/** Default number of keys tracked. */
	public static final int DEFAULT_MAX_KEYS = 2000;

	public StormSettings {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
		if (maxKeys < 1) {
			throw new IllegalArgumentException("maxKeys must be at least 1");
		}
		excludedPackages = List.copyOf(excludedPackages);
	}

	/**
	 * Creates settings under which lines of every level may be suppressed.
	 * @param limit lines written per key in each window
	 * @param window how long a key's window lasts
	 * @param maxKeys keys tracked at once
	 * @param neverSuppressAbove lines above this level are never suppressed, {@code null} for none
	 * @param excludedPackages class name prefixes left out of exception fingerprints
	 */
	public StormSettings(int limit, Duration window, int maxKeys, @Nullable Level neverSuppressAbove,
			List<String> excludedPackages) {
		this(limit, window, maxKeys, Level.TRACE, neverSuppressAbove, excludedPackages);
	}

}
