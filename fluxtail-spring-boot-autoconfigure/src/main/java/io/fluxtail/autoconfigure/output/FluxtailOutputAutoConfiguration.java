package io.fluxtail.autoconfigure.output;

import io.fluxtail.autoconfigure.logging.LoggingState;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
		OutputHealthIndicator fluxtailOutputHealthIndicator(Environment environment) {
			return new OutputHealthIndicator(() -> LoggingState.read(environment).queue());
		}

	}

}
