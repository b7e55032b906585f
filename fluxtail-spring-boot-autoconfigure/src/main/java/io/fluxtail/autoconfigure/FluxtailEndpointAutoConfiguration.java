package io.fluxtail.autoconfigure;

import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.actuate.FluxtailEndpoint.ActiveContract;
import io.fluxtail.actuate.WorkDescriptor;
import io.fluxtail.autoconfigure.logging.FluxtailSettings;
import io.fluxtail.autoconfigure.logging.Installation;
import io.fluxtail.autoconfigure.logging.LoggingState;
import io.fluxtail.ingest.FluxtailIngest;
import io.fluxtail.job.JobRuns;
import io.fluxtail.kafka.MessageContexts;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.web.InboundRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code fluxtail} actuator endpoint, when the application exposes it.
 */
@AutoConfiguration(after = { FluxtailAutoConfiguration.class, FluxtailPropagationAutoConfiguration.class },
		afterName = "io.fluxtail.autoconfigure.ingest.FluxtailIngestAutoConfiguration")
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint",
		"ch.qos.logback.classic.LoggerContext" })
@EnableConfigurationProperties(FluxtailProperties.class)
public final class FluxtailEndpointAutoConfiguration {

	/**
	 * Nested so that the availability condition is only read once actuator is known to be there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(FluxtailEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FluxtailEndpoint fluxtailEndpoint(FluxtailProperties properties, Environment environment,
				ObjectProvider<InboundRequests> inboundRequests, ObjectProvider<RequestContextStats> requestStats,
				ConfigurableListableBeanFactory beans, ObjectProvider<JobRuns> jobRuns,
				ObjectProvider<MessageContexts> messageContexts, ObjectProvider<FluxtailIngest> ingest) {
			return new FluxtailEndpoint(() -> activeContract(properties, environment, inboundRequests.getIfAvailable(),
					requestStats.getIfAvailable(), beans,
					WorkDescriptor.of(jobRuns.getIfAvailable(), messageContexts.getIfAvailable()),
					ingest.getIfAvailable()));
		}

	}

	/**
	 * The running encoders' configuration; when no encoder runs, the one the properties describe.
	 */
	private static ActiveContract activeContract(FluxtailProperties properties, Environment environment,
			@Nullable InboundRequests inboundRequests, @Nullable RequestContextStats requestStats,
			ConfigurableListableBeanFactory beans, WorkDescriptor work, @Nullable FluxtailIngest ingest) {
		LoggingState state = LoggingState.read(environment);
		Installation installation = state.installation();
		boolean installed = installation != null && installation.installed();
		String reason = (installation == null) ? "the Fluxtail installer did not run for this application"
				: (installation.reason() != null) ? installation.reason().description() : null;
		return new ActiveContract(installed, reason, state.appenders(),
				(state.config() != null) ? state.config() : FluxtailSettings.encoderConfig(properties, environment),
				(inboundRequests != null) ? inboundRequests.description() : null, requestStats,
				(inboundRequests != null) ? RequestSwitches.read(beans, properties.getRequest()) : null, state.queue(),
				work, (ingest != null) ? ingest.status() : null);
	}

}
