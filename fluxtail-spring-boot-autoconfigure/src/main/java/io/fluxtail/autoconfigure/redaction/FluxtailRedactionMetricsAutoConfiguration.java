package io.fluxtail.autoconfigure.redaction;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the {@code fluxtail.redactions} counter when the application has a
 * {@link MeterRegistry}.
 */
@AutoConfiguration(after = FluxtailRedactionAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, RedactionDetectorRegistrar.class })
public final class FluxtailRedactionMetricsAutoConfiguration {

	FluxtailRedactionMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	RedactionMetrics fluxtailRedactionMetrics(RedactionDetectorRegistrar registrar) {
		// takes the registrar so that detector beans are counted too
		return new RedactionMetrics(registrar.redaction());
	}

}
