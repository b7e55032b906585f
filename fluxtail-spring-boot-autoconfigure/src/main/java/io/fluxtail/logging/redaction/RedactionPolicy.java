package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the encoder needs to keep secrets and oversized values off the line: which names are
 * sensitive, which detectors run on values, how secrets are replaced, the size limits, and the
 * counters. One instance is shared by every encoder of an application.
 */
public final class RedactionPolicy {

	private final boolean enabled;

	private final SensitiveKeys keys;

	private final DetectorRedactor detectors;

	private final Redactor text;

	private final Redactor stackTrace;

	private final Replacement replacement;

	private final String keyReplacement;

	private final SizeLimits limits;

	private final RedactionStats stats;

	private RedactionPolicy(boolean enabled, SensitiveKeys keys, List<Detector> detectors, Replacement replacement,
			SizeLimits limits, RedactionStats stats) {
		this.enabled = enabled;
		this.keys = keys;
		this.replacement = replacement;
		this.keyReplacement = replacement.of(SensitiveKeys.ID, null);
		this.limits = limits;
		this.stats = stats;
		this.detectors = new DetectorRedactor(detectors, replacement, stats);
		this.text = Redactor.merge(this.detectors, new KeyValueTextRedactor(keys, replacement, stats));
		this.stackTrace = new StackTraceRedactor(this.text);
	}

	/**
	 * Returns the default policy: every built-in detector, the default sensitive names, full
	 * replacement and default size limits.
	 * @return the policy
	 */
	public static RedactionPolicy defaults() {
		return builder().build();
	}

	/**
	 * Returns a policy that redacts nothing but still applies the default size limits.
	 * @return the policy
	 */
	public static RedactionPolicy disabled() {
		return builder().enabled(false).build();
	}

	/**
	 * Returns a builder starting from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether key and value redaction run (size limits always apply).
	 * @return whether redaction is on
	 */
	public boolean enabled() {
		return this.enabled;
	}

	public SensitiveKeys keys() {
		return this.keys;
	}

	public SizeLimits limits() {
		return this.limits;
	}

	public RedactionStats stats() {
		return this.stats;
	}

	public Replacement replacement() {
		return this.replacement;
	}

	/**
	 * Returns the detectors in use, configured ones then those added at runtime.
	 * @return the detectors
	 */
	public List<Detector> detectors() {
		return this.detectors.detectors();
	}

	/**
	 * Returns the ids under which redactions are counted: every detector and the sensitive names.
	 * @return the ids
	 */
	public List<String> ids() {
		List<String> ids = new ArrayList<>();
		ids.add(SensitiveKeys.ID);
		for (Detector detector : detectors()) {
			ids.add(detector.id());
		}
		return ids;
	}

	/**
	 * Returns an enabled policy with the same names and detectors (the built-in ones when this
	 * policy is switched off) whose counters are its own, to check configured values without
	 * moving this policy's counters.
	 * @return the detection policy
	 */
	public RedactionPolicy uncounted() {
		return builder().keys(this.keys)
			.detectors(this.enabled ? detectors() : Detectors.defaults())
			.limits(this.limits)
			.build();
	}

	/**
	 * Adds detectors after start (application beans), replacing those added before.
	 * @param extra the detectors
	 * @throws IllegalArgumentException when an id is already used
	 */
	public void setExtraDetectors(List<Detector> extra) {
		this.detectors.setExtraDetectors(extra);
	}

	/**
	 * Whether a field's value must be replaced whole because of its name.
	 * @param name the field name
	 * @return whether the name is sensitive
	 */
	public boolean isSensitiveKey(String name) {
		return this.enabled && this.keys.matches(name);
	}

	/**
	 * Counts a value redacted by its name and returns what replaces it.
	 * @return the replacement
	 */
	public String redactByKey() {
		this.stats.redacted(SensitiveKeys.ID);
		return this.keyReplacement;
	}

	/**
	 * Redacts and bounds a text value.
	 * @param text the value
	 * @param limit the largest length written
	 * @return the value itself when clean and short enough
	 */
	public String redactText(String text, int limit) {
		int originalLength = text.length();
		String value = text;
		if (originalLength > limit + SizeLimits.REDACTION_MARGIN) {
			value = value.substring(0, limit + SizeLimits.REDACTION_MARGIN);
		}
		if (this.enabled) {
			value = this.text.redact(value);
		}
		if (value.length() > limit) {
			this.stats.truncated();
			return SizeLimits.truncate(value, limit, originalLength);
		}
		return value;
	}

	/**
	 * Redacts a text value with no size limit.
	 * @param text the value
	 * @return the value itself when clean
	 */
	public String redactText(String text) {
		return this.enabled ? this.text.redact(text) : text;
	}

	/**
	 * Redacts a named text value with no size limit: replaced whole when the name is sensitive,
	 * otherwise searched by the detectors.
	 * @param name the value's name
	 * @param text the value
	 * @return the value itself when clean
	 */
	public String redactNamedText(String name, String text) {
		return isSensitiveKey(name) ? redactByKey() : redactText(text);
	}

	/**
	 * Redacts a rendered stack trace (bounded by depth and length when rendered): the exception
	 * messages in it, not its frames.
	 * @param trace the stack trace text
	 * @return the trace itself when clean
	 */
	public String redactStackTrace(String trace) {
		return this.enabled ? this.stackTrace.redact(trace) : trace;
	}

	/**
	 * Builds a policy.
	 */
	public static final class Builder {

		private boolean enabled = true;

		private SensitiveKeys keys = SensitiveKeys.defaultsPlus(List.of());

		private List<Detector> detectors = Detectors.defaults();

		private boolean partial;

		private SizeLimits limits = SizeLimits.defaults();

		private RedactionStats stats = new RedactionStats();

		private Builder() {
		}

		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		public Builder keys(SensitiveKeys keys) {
			this.keys = keys;
			return this;
		}

		/**
		 * Sets the value detectors, in priority order.
		 * @param detectors the detectors
		 * @return this builder
		 */
		public Builder detectors(List<Detector> detectors) {
			this.detectors = List.copyOf(detectors);
			return this;
		}

		/**
		 * Keeps detectors' safe hints in replacements ({@code [REDACTED:card:****1111]}).
		 * @param partial whether to keep hints
		 * @return this builder
		 */
		public Builder partial(boolean partial) {
			this.partial = partial;
			return this;
		}

		public Builder limits(SizeLimits limits) {
			this.limits = limits;
			return this;
		}

		public Builder stats(RedactionStats stats) {
			this.stats = stats;
			return this;
		}

		/**
		 * Builds the policy, compiling the detectors once.
		 * @return the policy
		 * @throws IllegalArgumentException when two detectors share an id
		 */
		public RedactionPolicy build() {
			List<String> ids = new ArrayList<>();
			for (Detector detector : this.detectors) {
				if (ids.contains(detector.id())) {
					throw new IllegalArgumentException("Two detectors have the id '" + detector.id() + "'");
				}
				ids.add(detector.id());
			}
			return new RedactionPolicy(this.enabled, this.keys, this.enabled ? this.detectors : List.of(),
					new Replacement(this.partial), this.limits, this.stats);
		}

	}

}
