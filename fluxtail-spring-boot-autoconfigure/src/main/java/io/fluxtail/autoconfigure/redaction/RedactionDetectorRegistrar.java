package io.fluxtail.autoconfigure.redaction;

import java.util.List;

import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.RedactionPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Adds the application's {@link Detector} beans to the encoders that were installed before the
 * context existed, and takes them out again when the context closes. Lines written before the
 * context starts are covered by the configured detectors only.
 */
public class RedactionDetectorRegistrar implements InitializingBean, DisposableBean {

	private final @Nullable RedactionPolicy policy;

	private final List<Detector> detectors;

	/**
	 * Creates a registrar.
	 * @param policy the installed encoders' policy, {@code null} when none was installed
	 * @param detectors the detectors to add
	 */
	public RedactionDetectorRegistrar(@Nullable RedactionPolicy policy, List<Detector> detectors) {
		this.policy = policy;
		this.detectors = List.copyOf(detectors);
	}

	/**
	 * Returns the policy detectors are added to.
	 * @return the policy or {@code null}
	 */
	public @Nullable RedactionPolicy policy() {
		return this.policy;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.policy != null && this.policy.enabled() && !this.detectors.isEmpty()) {
			this.policy.setExtraDetectors(this.detectors);
		}
	}

	@Override
	public void destroy() {
		if (this.policy != null && !this.detectors.isEmpty()) {
			this.policy.setExtraDetectors(List.of());
		}
	}

}
