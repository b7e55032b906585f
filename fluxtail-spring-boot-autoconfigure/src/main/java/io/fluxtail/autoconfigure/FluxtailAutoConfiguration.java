package io.fluxtail.autoconfigure;

import io.fluxtail.autoconfigure.logging.FluxtailProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Exposes {@link FluxtailProperties} to the application context. The encoder itself is installed
 * earlier, by {@link io.fluxtail.autoconfigure.logging.FluxtailLoggingInstaller}, since it must be
 * in place before any bean exists.
 */
@AutoConfiguration
@EnableConfigurationProperties(FluxtailProperties.class)
public final class FluxtailAutoConfiguration {

}
