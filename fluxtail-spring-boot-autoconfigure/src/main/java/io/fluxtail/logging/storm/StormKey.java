package io.fluxtail.logging.storm;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;

/**
 * What repeats: the level, and either an exception's fingerprint (whatever logger logs it) or a
 * logger and message template.
 *
 * @param level the level of the lines
 * @param fingerprint the exception's fingerprint, {@code null} for a line without one
 * @param logger the logger, {@code null} for a line with an exception
 * @param template the unformatted message, {@code null} for a line with an exception
 */
record StormKey(Level level, @Nullable String fingerprint, @Nullable String logger, @Nullable String template) {

	/** A template longer than this is keyed by its start, so that a key never pins a huge string. */
	static final int MAX_TEMPLATE_CHARS = 1024;

	static StormKey exception(Level level, String fingerprint) {
		return new StormKey(level, fingerprint, null, null);
	}

	static StormKey message(Level level, String logger, String template) {
		String bounded = (template.length() > MAX_TEMPLATE_CHARS) ? new String(template.substring(0, MAX_TEMPLATE_CHARS))
				: template;
		return new StormKey(level, null, logger, bounded);
	}

	/**
	 * Returns what the summary line names: the fingerprint or the template.
	 * @return the key's text
	 */
	String text() {
		return (this.fingerprint != null) ? this.fingerprint : String.valueOf(this.template);
	}

	/**
	 * Returns the kind of key.
	 * @return {@code exception} or {@code message}
	 */
	String kind() {
		return (this.fingerprint != null) ? "exception" : "message";
	}

}
