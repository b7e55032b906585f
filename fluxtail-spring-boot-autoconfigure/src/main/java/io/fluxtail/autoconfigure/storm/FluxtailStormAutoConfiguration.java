package io.fluxtail.autoconfigure.storm;

import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.autoconfigure.logging.FluxtailStormProperties;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.storm.StormFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code fluxtail.storm.*} properties as a bean (the logging installer binds them before the
 * context exists and installs the filter), the summary lines of storm control written when the
 * application closes, while its appenders still run, and its section of
 * {@code /actuator/fluxtail}.
 */
@AutoConfiguration
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
@EnableConfigurationProperties(FluxtailStormProperties.class)
public final class FluxtailStormAutoConfiguration {

	FluxtailStormAutoConfiguration() {
	}

	static @Nullable StormFilter storm(ObjectProvider<LoggingInstallation> installation) {
		LoggingInstallation installed = installation.getIfAvailable();
		return (installed != null) ? installed.storm() : null;
	}

	/**
	 * Logback stops its appenders before its turbo filters, so the summaries pending at shutdown
	 * are written when the context closes.
	 * @param installation what the installer did
	 * @return the bean that flushes the summaries
	 */
	@Bean
	DisposableBean fluxtailStormFlush(ObjectProvider<LoggingInstallation> installation) {
		return () -> {
			StormFilter storm = storm(installation);
			if (storm != null) {
				storm.flush();
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@Order(FluxtailContributor.OUTPUT + 50)
		FluxtailContributor fluxtailStormContributor(ObjectProvider<LoggingInstallation> installation) {
			return new StormContributor(() -> storm(installation));
		}

	}

}
