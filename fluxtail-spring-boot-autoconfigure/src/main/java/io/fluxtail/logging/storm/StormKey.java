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
	 * The hash of a key, spelled out so that a {@link Probe} finds the key without allocating one.
	 */
	static int hash(Level level, @Nullable String fingerprint, @Nullable String logger, @Nullable String template) {
		int hash = level.levelInt;
		hash = 31 * hash + ((fingerprint != null) ? fingerprint.hashCode() : 0);
		hash = 31 * hash + ((logger != null) ? logger.hashCode() : 0);
		return 31 * hash + ((template != null) ? template.hashCode() : 0);
	}

	@Override
	public int hashCode() {
		return hash(this.level, this.fingerprint, this.logger, this.template);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StormKey key && matches(key, this.level, this.fingerprint, this.logger, this.template);
	}

	static boolean matches(StormKey key, Level level, @Nullable String fingerprint, @Nullable String logger,
			@Nullable String template) {
		return key.level == level && java.util.Objects.equals(key.fingerprint, fingerprint)
				&& java.util.Objects.equals(key.logger, logger) && java.util.Objects.equals(key.template, template);
	}

	/**
	 * A reusable lookup key, one per thread: equal to the {@link StormKey} of the same parts, so a
	 * line of a known key allocates nothing to find it.
	 */
	static final class Probe {

		private Level level = Level.INFO;

		private @Nullable String fingerprint;

		private @Nullable String logger;

		private @Nullable String template;

		private int hash;

		/**
		 * Points the probe at a key's parts.
		 * @return the probe, or {@code null} when the key must be built (a template too long)
		 */
		@Nullable Probe set(Level level, @Nullable String fingerprint, @Nullable String logger,
				@Nullable String template) {
			if (template != null && template.length() > MAX_TEMPLATE_CHARS) {
				return null;
			}
			this.level = level;
			this.fingerprint = fingerprint;
			this.logger = logger;
			this.template = template;
			this.hash = hash(level, fingerprint, logger, template);
			return this;
		}

		StormKey toKey() {
			return (this.fingerprint != null) ? exception(this.level, this.fingerprint)
					: message(this.level, String.valueOf(this.logger), String.valueOf(this.template));
		}

		void clear() {
			this.fingerprint = null;
			this.logger = null;
			this.template = null;
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof StormKey key
					&& matches(key, this.level, this.fingerprint, this.logger, this.template);
		}

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
