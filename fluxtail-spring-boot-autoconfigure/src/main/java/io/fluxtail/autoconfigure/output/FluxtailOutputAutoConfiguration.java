package io.fluxtail.autoconfigure.output;

import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.autoconfigure.logging.FluxtailOutputProperties;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.output.QueuedAppender;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code fluxtail.output.*} properties as a bean, so that {@code /actuator/configprops} shows
 * them (the logging installer binds them before the context exists), and the health of
 * queue-backed output when the application has actuator's health.
 */
@AutoConfiguration
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
@EnableConfigurationProperties(FluxtailOutputProperties.class)
public final class FluxtailOutputAutoConfiguration {

	FluxtailOutputAutoConfiguration() {
	}

	static @Nullable QueuedAppender queue(ObjectProvider<LoggingInstallation> installation) {
		LoggingInstallation installed = installation.getIfAvailable();
		return (installed != null) ? installed.queue() : null;
	}

	/**
	 * Nested so that the health classes are only read once they are known to be there.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	@ConditionalOnBooleanProperty(FluxtailOutputProperties.PREFIX + ".async")
	@ConditionalOnEnabledHealthIndicator("fluxtail-output")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutputHealthIndicator fluxtailOutputHealthIndicator(ObjectProvider<LoggingInstallation> installation) {
			return new OutputHealthIndicator(() -> queue(installation));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@Order(FluxtailContributor.OUTPUT)
		FluxtailContributor fluxtailOutputContributor(ObjectProvider<LoggingInstallation> installation) {
			return new OutputContributor(() -> queue(installation));
		}

	}

}
