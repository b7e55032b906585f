package io.fluxtail.logging.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * What keeps secrets and oversized values off a line, compiled once into an immutable value:
 * which names are sensitive, which detectors run on values, how secrets are replaced and the size
 * limits. It counts nothing itself: every method that redacts tells a {@link RedactionListener}
 * given by the caller.
 */
public final class RedactionPolicy {

	private final boolean enabled;

	private final SensitiveKeys keys;

	private final CompiledDetectors detectors;

	private final Redactor text;

	private final Redactor stackTrace;

	private final Replacement replacement;

	private final String keyReplacement;

	private final SizeLimits limits;

	private RedactionPolicy(boolean enabled, SensitiveKeys keys, List<Detector> detectors, Replacement replacement,
			SizeLimits limits) {
		this.enabled = enabled;
		this.keys = keys;
		this.replacement = replacement;
		this.keyReplacement = replacement.of(SensitiveKeys.ID, null);
		this.limits = limits;
		this.detectors = new CompiledDetectors(detectors);
		KeyValueTextRedactor pairs = new KeyValueTextRedactor(keys, replacement);
		CleanTexts clean = new CleanTexts();
		this.text = (text, listener) -> {
			if (clean.contains(text)) {
				return text;
			}
			String redacted = pairs.redact(this.detectors.redact(text, replacement, listener), listener);
			if (redacted == text) {
				clean.add(text);
			}
			return redacted;
		};
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

	/**
	 * Returns the text that replaces a secret a detector found, without a hint.
	 * @param detectorId the detector's id
	 * @return the replacement, {@code [REDACTED:<detectorId>]}
	 */
	public String replacementOf(String detectorId) {
		return this.replacement.of(detectorId, null);
	}

	/**
	 * Returns whether replacements keep the safe hint a detector gives ({@code ****1111}).
	 * @return whether partial replacement is on
	 */
	public boolean partialReplacement() {
		return this.replacement.partial();
	}

	/**
	 * Returns the detectors that run, in priority order (none when redaction is off).
	 * @return the detectors
	 */
	public List<Detector> detectors() {
		return this.detectors.detectors();
	}

	/**
	 * Returns the ids under which redactions are reported: every detector and the sensitive names.
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
	 * Returns a copy whose detectors are these followed by more.
	 * @param extra the detectors to add, run after these
	 * @return the new policy
	 * @throws IllegalArgumentException when an id is already used
	 */
	public RedactionPolicy withDetectors(List<Detector> extra) {
		List<Detector> all = new ArrayList<>(detectors());
		all.addAll(extra);
		return new RedactionPolicy(this.enabled, this.keys, all, this.replacement, this.limits);
	}

	/**
	 * Returns the policy that checks configured values: this one when it is on, else one with the
	 * same names and the built-in detectors, so that a value shown is never a secret.
	 * @return the checking policy
	 */
	public RedactionPolicy detection() {
		return this.enabled ? this
				: new RedactionPolicy(true, this.keys, Detectors.defaults(), this.replacement, this.limits);
	}

	/**
	 * Whether a field's value must be replaced whole because of its name.
	 * @param name the field name
	 * @return whether the name is sensitive
	 */
	public boolean isSensitiveKey(String name) {
		return this.enabled && this.keys.matchesName(name);
	}

	/**
	 * Returns what replaces a value redacted because of its name; the caller counts it under
	 * {@link SensitiveKeys#ID}.
	 * @return the replacement
	 */
	public String keyReplacement() {
		return this.keyReplacement;
	}

	/**
	 * Redacts and bounds a text value.
	 * @param text the value
	 * @param limit the largest length written
	 * @param listener told about each removed secret and a cut
	 * @return the value itself when clean and short enough
	 */
	public String redactText(String text, int limit, RedactionListener listener) {
		int originalLength = text.length();
		String value = text;
		if (originalLength > limit + SizeLimits.REDACTION_MARGIN) {
			value = value.substring(0, limit + SizeLimits.REDACTION_MARGIN);
		}
		if (this.enabled) {
			value = this.text.redact(value, listener);
		}
		if (value.length() > limit) {
			listener.truncated();
			return SizeLimits.truncate(value, limit, originalLength);
		}
		return value;
	}

	/**
	 * Redacts a text value with no size limit.
	 * @param text the value
	 * @param listener told about each removed secret
	 * @return the value itself when clean
	 */
	public String redactText(String text, RedactionListener listener) {
		return this.enabled ? this.text.redact(text, listener) : text;
	}

	/**
	 * Redacts a named text value with no size limit: replaced whole when the name is sensitive,
	 * otherwise searched by the detectors.
	 * @param name the value's name
	 * @param text the value
	 * @param listener told about each removed secret
	 * @return the value itself when clean
	 */
	public String redactNamedText(String name, String text, RedactionListener listener) {
		if (isSensitiveKey(name)) {
			listener.redacted(SensitiveKeys.ID);
			return this.keyReplacement;
		}
		return redactText(text, listener);
	}

	/**
	 * Redacts a rendered stack trace (bounded by depth and length when rendered): the exception
	 * messages in it, not its frames.
	 * @param trace the stack trace text
	 * @param listener told about each removed secret
	 * @return the trace itself when clean
	 */
	public String redactStackTrace(String trace, RedactionListener listener) {
		return this.enabled ? this.stackTrace.redact(trace, listener) : trace;
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

		/**
		 * Builds the policy, compiling the detectors once.
		 * @return the policy
		 * @throws IllegalArgumentException when two detectors share an id
		 */
		public RedactionPolicy build() {
			if (!this.enabled) {
				// still refuse a list that could not be switched on
				new CompiledDetectors(this.detectors);
			}
			return new RedactionPolicy(this.enabled, this.keys, this.enabled ? this.detectors : List.of(),
					new Replacement(this.partial), this.limits);
		}

	}

}
