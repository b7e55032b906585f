package io.fluxtail.autoconfigure.debug;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugOnDemand;
import io.fluxtail.logging.debug.DebugSettings;
import io.fluxtail.logging.debug.DebugStats;
import io.fluxtail.logging.debug.DebugTokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.LogLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Debug-on-error ({@code fluxtail.debug-on-error.*}) and debug on demand
 * ({@code fluxtail.debug-on-demand.*}): the {@link DebugLines} the units of work of requests, job
 * runs and records keep their lines in, the turbo filter that decides per logging call while the
 * application runs, the token check, the endpoint section and (elsewhere) the meters. Logback only.
 */
@AutoConfiguration
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
@ConditionalOnBooleanProperty(name = "fluxtail.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ FluxtailDebugOnErrorProperties.class, FluxtailDebugOnDemandProperties.class })
public final class FluxtailDebugAutoConfiguration {

	FluxtailDebugAutoConfiguration() {
	}

	/**
	 * The lines, when either capability is on and Logback is the logging system ({@code null}
	 * otherwise: the units then keep nothing).
	 * @param onError the debug-on-error properties
	 * @param onDemand the debug-on-demand properties
	 * @return the lines
	 */
	@Bean
	@ConditionalOnMissingBean
	@Conditional(DebugRequested.class)
	@Nullable DebugLines fluxtailDebugLines(FluxtailDebugOnErrorProperties onError,
			FluxtailDebugOnDemandProperties onDemand) {
		DebugSettings settings = settings(onError, onDemand);
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return null;
		}
		return new DebugLines(settings, new DebugStats(), context.getLogger(DebugLines.LOGGER_NAME));
	}

	@Bean
	DebugFilterInstallation fluxtailDebugFilterInstallation(ObjectProvider<DebugLines> lines) {
		return new DebugFilterInstallation((lines.getIfAvailable() != null)
				? (LoggerContext) LoggerFactory.getILoggerFactory() : null);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = FluxtailDebugOnDemandProperties.PREFIX, name = "key")
	@Nullable DebugOnDemand fluxtailDebugOnDemand(FluxtailDebugOnDemandProperties properties,
			ObjectProvider<DebugLines> lines) {
		DebugLines debug = lines.getIfAvailable();
		return (debug != null) ? new DebugOnDemand(properties.getHeader(), tokens(properties), debug.stats()) : null;
	}

	static DebugSettings settings(FluxtailDebugOnErrorProperties onError, FluxtailDebugOnDemandProperties onDemand) {
		String prefix = FluxtailDebugOnErrorProperties.PREFIX;
		requireNotNegative(prefix + ".max-lines-per-unit", onError.getMaxLinesPerUnit());
		requireNotNegative(prefix + ".max-bytes-per-unit", onError.getMaxBytesPerUnit().toBytes());
		requireNotNegative(prefix + ".max-bytes", onError.getMaxBytes().toBytes());
		return new DebugSettings(onError.isEnabled() ? level(onError.getLevel()) : null,
				onError.getMaxLinesPerUnit(), onError.getMaxBytesPerUnit().toBytes(), onError.getMaxBytes().toBytes(),
				(onDemand.getKey() != null) ? level(onDemand.getLevel()) : null, onDemand.isForward());
	}

	/**
	 * Checks the key; the failure names its length, never its value.
	 */
	static DebugTokens tokens(FluxtailDebugOnDemandProperties properties) {
		String key = (properties.getKey() != null) ? properties.getKey() : "";
		int bytes = key.getBytes(StandardCharsets.UTF_8).length;
		if (bytes < DebugTokens.MIN_KEY_BYTES) {
			throw new InvalidConfigurationPropertyValueException(FluxtailDebugOnDemandProperties.PREFIX + ".key",
					"(hidden, " + bytes + " bytes)", "The key must be at least " + DebugTokens.MIN_KEY_BYTES
							+ " bytes long, such as the output of 'openssl rand -hex 32'.");
		}
		return new DebugTokens(key, Clock.systemUTC());
	}

	private static void requireNotNegative(String name, long value) {
		if (value < 0) {
			throw new InvalidConfigurationPropertyValueException(name, value, "The limit must not be negative.");
		}
	}

	private static Level level(LogLevel level) {
		return Level.toLevel((level == LogLevel.FATAL) ? LogLevel.ERROR.name() : level.name());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@Order(FluxtailContributor.REQUESTS + 50)
		FluxtailContributor fluxtailDebugContributor(ObjectProvider<DebugLines> lines,
				ObjectProvider<DebugOnDemand> onDemand) {
			return new DebugContributor(lines::getIfAvailable, onDemand::getIfAvailable);
		}

	}

	/**
	 * Either capability is switched on.
	 */
	static final class DebugRequested extends AnyNestedCondition {

		DebugRequested() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty(FluxtailDebugOnErrorProperties.PREFIX + ".enabled")
		static final class OnError {

		}

		@ConditionalOnProperty(prefix = FluxtailDebugOnDemandProperties.PREFIX, name = "key")
		static final class OnDemand {

		}

	}

}
