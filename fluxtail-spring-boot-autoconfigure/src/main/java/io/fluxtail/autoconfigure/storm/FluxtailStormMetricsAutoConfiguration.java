package io.fluxtail.autoconfigure.storm;

import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes {@code fluxtail.storm.suppressed} (per level), {@code fluxtail.storm.summaries} and
 * {@code fluxtail.storm.throttled.keys} when storm control runs and the application has a
 * {@link MeterRegistry}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry", "ch.qos.logback.classic.LoggerContext" })
@ConditionalOnBean(MeterRegistry.class)
public final class FluxtailStormMetricsAutoConfiguration {

	FluxtailStormMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	StormMetrics fluxtailStormMetrics(ObjectProvider<LoggingInstallation> installation) {
		return new StormMetrics(FluxtailStormAutoConfiguration.storm(installation));
	}

}
