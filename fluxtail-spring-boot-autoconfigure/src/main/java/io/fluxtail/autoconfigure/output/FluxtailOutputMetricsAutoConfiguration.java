package io.fluxtail.autoconfigure.output;

import io.fluxtail.autoconfigure.logging.FluxtailOutputProperties;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes {@code fluxtail.output.queue.size} and {@code fluxtail.output.dropped} when output is
 * queue-backed and the application has a {@link MeterRegistry}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry", "ch.qos.logback.classic.LoggerContext" })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(FluxtailOutputProperties.PREFIX + ".async")
public final class FluxtailOutputMetricsAutoConfiguration {

	FluxtailOutputMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	OutputMetrics fluxtailOutputMetrics(ObjectProvider<LoggingInstallation> installation) {
		return new OutputMetrics(FluxtailOutputAutoConfiguration.queue(installation));
	}

}
