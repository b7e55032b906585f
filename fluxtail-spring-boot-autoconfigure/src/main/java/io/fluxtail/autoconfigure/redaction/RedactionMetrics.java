package io.fluxtail.autoconfigure.redaction;

import io.fluxtail.logging.redaction.ActiveRedaction;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.RedactionStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the {@code fluxtail.redactions} counter, tagged with the {@code detector} id. It reads
 * the encoder's own counts, so redactions made before the registry existed are included and the
 * log path never touches Micrometer.
 */
class RedactionMetrics implements MeterBinder {

	/** Name of the counter. */
	public static final String METER_NAME = "fluxtail.redactions";

	private final @Nullable ActiveRedaction redaction;

	/**
	 * Creates the binder.
	 * @param redaction the installed encoders' redaction, {@code null} when none was installed
	 */
	public RedactionMetrics(@Nullable ActiveRedaction redaction) {
		this.redaction = redaction;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.redaction == null) {
			return;
		}
		RedactionPolicy policy = this.redaction.policy();
		if (!policy.enabled()) {
			return;
		}
		RedactionStats stats = this.redaction.stats();
		for (String id : policy.ids()) {
			FunctionCounter.builder(METER_NAME, stats, (counts) -> counts.redactions(id))
				.tag("detector", id)
				.description("Secrets and personal data removed from log lines")
				.register(registry);
		}
	}

}
