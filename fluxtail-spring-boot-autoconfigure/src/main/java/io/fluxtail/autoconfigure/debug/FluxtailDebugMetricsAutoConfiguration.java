package io.fluxtail.autoconfigure.debug;

import io.fluxtail.logging.debug.DebugLines;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes {@code fluxtail.debug.units.flushed}, {@code fluxtail.debug.lines} (per outcome),
 * {@code fluxtail.debug.bytes.held} and {@code fluxtail.debug.tokens} (per result) when
 * debug-on-error or debug on demand is on and the application has a {@link MeterRegistry}.
 */
@AutoConfiguration(after = FluxtailDebugAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry", "ch.qos.logback.classic.LoggerContext" })
@ConditionalOnBean({ MeterRegistry.class, DebugLines.class })
public final class FluxtailDebugMetricsAutoConfiguration {

	FluxtailDebugMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	DebugMetrics fluxtailDebugMetrics(ObjectProvider<DebugLines> lines) {
		return new DebugMetrics(lines.getIfAvailable());
	}

}
