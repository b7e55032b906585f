package io.fluxtail.autoconfigure;

import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The {@code fluxtail} actuator endpoint, when the application exposes it, built from every
 * {@link FluxtailContributor} bean; this one adds the core: installation, fields, redaction and
 * the encoders' counters.
 */
@AutoConfiguration(after = FluxtailAutoConfiguration.class)
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
		FluxtailEndpoint fluxtailEndpoint(ObjectProvider<FluxtailContributor> contributors) {
			return new FluxtailEndpoint(contributors.orderedStream().toList());
		}

		@Bean
		@Order(FluxtailContributor.LOGGING)
		FluxtailContributor fluxtailLoggingContributor(ObjectProvider<LoggingInstallation> installation,
				FluxtailProperties properties, Environment environment) {
			return new LoggingContributor(installation::getIfAvailable, properties, environment);
		}

	}

}
