package io.fluxtail.autoconfigure.redaction;

import java.util.List;

import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.ActiveRedaction;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Adds the application's {@link Detector} beans to the encoders that were installed before the
 * context existed, and takes them out again when the context closes. Lines written before the
 * context starts are covered by the configured detectors only; detectors listed in
 * {@code META-INF/services/io.fluxtail.logging.redaction.Detector} apply from the first line.
 */
class RedactionDetectorRegistrar implements InitializingBean, DisposableBean {

	private final @Nullable ActiveRedaction redaction;

	private final List<Detector> detectors;

	/**
	 * Creates a registrar.
	 * @param redaction the installed encoders' redaction, {@code null} when none was installed
	 * @param detectors the detectors to add
	 */
	public RedactionDetectorRegistrar(@Nullable ActiveRedaction redaction, List<Detector> detectors) {
		this.redaction = redaction;
		this.detectors = List.copyOf(detectors);
	}

	/**
	 * Returns the redaction detectors are added to.
	 * @return the redaction or {@code null}
	 */
	public @Nullable ActiveRedaction redaction() {
		return this.redaction;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.redaction != null && !this.detectors.isEmpty()) {
			this.redaction.setExtraDetectors(this.detectors);
		}
	}

	@Override
	public void destroy() {
		if (this.redaction != null && !this.detectors.isEmpty()) {
			this.redaction.setExtraDetectors(List.of());
		}
	}

}
