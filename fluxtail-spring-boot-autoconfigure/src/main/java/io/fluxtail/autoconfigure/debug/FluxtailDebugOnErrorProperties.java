package io.fluxtail.autoconfigure.debug;

import io.fluxtail.logging.debug.DebugSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.util.unit.DataSize;

/**
 * Debug-on-error: the lines below their logger's level logged while a unit of work runs (an HTTP
 * request, a job run, a consumed record) are kept, and written only when the unit fails.
 */
@ConfigurationProperties(FluxtailDebugOnErrorProperties.PREFIX)
public class FluxtailDebugOnErrorProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "fluxtail.debug-on-error";

	/**
	 * Whether lines below their logger's level, down to 'level', are kept per unit of work and
	 * written, marked 'buffered', before its completion line when it fails (an ERROR line in it, an
	 * exception escaping it, an HTTP 5xx); otherwise they are dropped when it completes. A logger
	 * set to a level writes its lines at once as before; a logger set to OFF keeps nothing.
	 */
	private boolean enabled;

	/**
	 * Lowest level kept.
	 */
	private LogLevel level = LogLevel.DEBUG;

	/**
	 * Lines kept per unit of work; later ones are left out, counted, and reported by one line when
	 * the unit's lines are written.
	 */
	private int maxLinesPerUnit = DebugSettings.DEFAULT_MAX_LINES_PER_UNIT;

	/**
	 * Memory the kept lines of one unit of work may hold, estimated from their messages.
	 */
	private DataSize maxBytesPerUnit = DataSize.ofBytes(DebugSettings.DEFAULT_MAX_BYTES_PER_UNIT);

	/**
	 * Memory the kept lines of all running units may hold together, estimated from their messages;
	 * when it is full, further lines are left out and counted.
	 */
	private DataSize maxBytes = DataSize.ofBytes(DebugSettings.DEFAULT_MAX_BYTES);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public LogLevel getLevel() {
		return this.level;
	}

	public void setLevel(LogLevel level) {
		this.level = level;
	}

	public int getMaxLinesPerUnit() {
		return this.maxLinesPerUnit;
	}

	public void setMaxLinesPerUnit(int maxLinesPerUnit) {
		this.maxLinesPerUnit = maxLinesPerUnit;
	}

	public DataSize getMaxBytesPerUnit() {
		return this.maxBytesPerUnit;
	}

	public void setMaxBytesPerUnit(DataSize maxBytesPerUnit) {
		this.maxBytesPerUnit = maxBytesPerUnit;
	}

	public DataSize getMaxBytes() {
		return this.maxBytes;
	}

	public void setMaxBytes(DataSize maxBytes) {
		this.maxBytes = maxBytes;
	}

}
