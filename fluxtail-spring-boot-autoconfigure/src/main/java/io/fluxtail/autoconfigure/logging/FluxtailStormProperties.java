package io.fluxtail.autoconfigure.logging;

import java.time.Duration;

import io.fluxtail.logging.storm.StormSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Storm control: how many lines of one kind are written per window before the rest are suppressed
 * and counted. A kind is an exception's fingerprint for a line with one, else the logger, level and
 * message template.
 *
 * <p>
 * Bound from the {@code Environment} before the application context exists, since the filter is
 * installed with the encoder; also a bean, so that {@code /actuator/configprops} shows them.
 */
@ConfigurationProperties(FluxtailStormProperties.PREFIX)
public class FluxtailStormProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "fluxtail.storm";

	/**
	 * Whether repeated lines beyond 'limit' per 'window' are suppressed, counted and reported in
	 * one summary line per kind of line. The starter's own lines (request, job and record
	 * completions, drop reports, summaries) are never suppressed.
	 */
	private boolean enabled = true;

	/**
	 * Lines of one kind written per window; the rest of the window's lines of that kind are
	 * suppressed and counted in its summary line. 0 suppresses every line of a repeated kind.
	 */
	private int limit = StormSettings.DEFAULT_LIMIT;

	/**
	 * How long a kind's window lasts, from its first line. When a window that suppressed lines
	 * closes, one summary line at the level of those lines gives their count and the first and
	 * last suppressed times.
	 */
	private Duration window = StormSettings.DEFAULT_WINDOW;

	/**
	 * How many kinds of line are tracked at once. Beyond it, the least recently seen kinds are
	 * flushed into their summary lines and forgotten first, so memory stays bounded whatever the
	 * application logs.
	 */
	private int maxKeys = StormSettings.DEFAULT_MAX_KEYS;

	/**
	 * Lines below this level are never suppressed. A storm is a burst of warnings and errors;
	 * INFO traffic, such as one line per request, is left alone unless this is lowered.
	 */
	private LogLevel minLevel = LogLevel.WARN;

	/**
	 * Lines of a level above this one are never suppressed, such as WARN to always write ERROR
	 * lines. Unset by default: every level is limited.
	 */
	private @Nullable LogLevel neverSuppressAbove;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getLimit() {
		return this.limit;
	}

	public void setLimit(int limit) {
		this.limit = limit;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public int getMaxKeys() {
		return this.maxKeys;
	}

	public void setMaxKeys(int maxKeys) {
		this.maxKeys = maxKeys;
	}

	public LogLevel getMinLevel() {
		return this.minLevel;
	}

	public void setMinLevel(LogLevel minLevel) {
		this.minLevel = minLevel;
	}

	public @Nullable LogLevel getNeverSuppressAbove() {
		return this.neverSuppressAbove;
	}

	public void setNeverSuppressAbove(@Nullable LogLevel neverSuppressAbove) {
		this.neverSuppressAbove = neverSuppressAbove;
	}

}
