package io.fluxtail.actuate;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Storm control: its limits, what it suppressed since start, and the kinds of line it throttles
 * now.
 *
 * @param enabled whether storm control runs
 * @param limit lines of one kind written per window, {@code null} when off
 * @param window the window, such as {@code PT10S}, {@code null} when off
 * @param maxKeys kinds of line tracked at most, {@code null} when off
 * @param minLevel lines below this level are never suppressed, {@code null} when off
 * @param neverSuppressAbove lines above this level are never suppressed, {@code null} when every
 * level is limited
 * @param trackedKeys kinds of line tracked now
 * @param suppressed lines suppressed since start, by level
 * @param written lines written since start, by level (those subject to storm control)
 * @param summaryLines summary lines written since start
 * @param throttled the kinds of line whose current window has suppressed lines, most suppressed
 * first (at most 20)
 */
public record StormDescriptor(boolean enabled, @Nullable Integer limit, @Nullable String window,
		@Nullable Integer maxKeys, @Nullable String minLevel, @Nullable String neverSuppressAbove, int trackedKeys, Map<String, Long> suppressed,
		Map<String, Long> written, long summaryLines, List<Throttled> throttled) {

	/**
	 * A kind of line throttled now.
	 *
	 * @param kind {@code exception} (keyed by its fingerprint) or {@code message} (logger, level
	 * and template)
	 * @param key the fingerprint or the message template
	 * @param logger the logger of its first line
	 * @param level the level of its lines
	 * @param suppressed lines suppressed in the current window
	 * @param written lines written in the current window
	 * @param since time of the window's first suppressed line
	 */
	public record Throttled(String kind, String key, String logger, String level, long suppressed, long written,
			String since) {
	}

}
