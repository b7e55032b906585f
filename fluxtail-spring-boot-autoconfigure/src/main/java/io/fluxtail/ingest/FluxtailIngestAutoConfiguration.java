package io.fluxtail.ingest;

import java.net.URI;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Ships the events the Fluxtail encoder writes to {@code fluxtail.ingest.url} over OTLP/HTTP, or
 * into the application's own OpenTelemetry log exporter when Spring Boot configured one. The
 * properties are bound and checked, and the credentials masked in the actuator, whether or not
 * anything ships.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
		"org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration" })
@ConditionalOnClass(name = { "ch.qos.logback.classic.LoggerContext",
		"net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder", "io.opentelemetry.sdk.logs.data.LogRecordData",
		"io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler" })
@EnableConfigurationProperties({ FluxtailIngestProperties.class, FluxtailProperties.class })
public final class FluxtailIngestAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(LogShipper.LOGGER_NAME);

	private static final String BOOT_ENDPOINT = "management.opentelemetry.logging.export.otlp.endpoint";

	FluxtailIngestAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		/** Credentials stay masked whatever the application adds: not replaceable. */
		@Bean
		SanitizingFunction fluxtailIngestSanitizingFunction() {
			return new IngestSanitizingFunction();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "fluxtail.ingest.enabled", matchIfMissing = true)
	@Conditional(OnIngestDestination.class)
	static class ShippingConfiguration {

		@Bean(destroyMethod = "stop")
		@ConditionalOnMissingBean
		FluxtailIngest fluxtailIngest(FluxtailIngestProperties properties, FluxtailProperties fluxtail,
				Environment environment, ObjectProvider<LogRecordExporter> exporters,
				ObjectProvider<LoggingInstallation> installations) {
			Level minLevel = IngestSettings.minLevel(properties);
			DeliverySettings delivery = IngestSettings.delivery(properties);
			List<LogRecordExporter> applicationExporters = exporters.orderedStream().toList();
			if (applicationExporters.isEmpty() && !StringUtils.hasText(properties.getUrl())) {
				return FluxtailIngest.inactive("(none)", "fluxtail.ingest.url is empty");
			}
			URI url = applicationExporters.isEmpty() ? IngestSettings.url(properties.getUrl()) : null;
			String destination = (url != null) ? IngestUrls.withoutCredentials(url) : bootDestination(environment);
			if (url == null && StringUtils.hasText(properties.getUrl())) {
				logger.warn("fluxtail.ingest.url is not used: events go to Spring Boot's OpenTelemetry log export ({})",
						destination);
			}
			LoggingInstallation installation = installations.getIfAvailable();
			EncoderConfig config = LoggingInstallation.configInUse(installation, fluxtail, environment);
			IngestMapping mapping = IngestSettings.mapping(properties, config.contract());
			List<FluxtailEncoder> encoders = (installation != null) ? installation.encoders() : List.of();
			if (encoders.isEmpty()) {
				String reason = "no Fluxtail encoder runs"
						+ ((installation != null && installation.decision().reason() != null)
								? ": " + installation.decision().reason().description() : "");
				logger.warn("Fluxtail ingest is configured but ships nothing: {}", reason);
				return FluxtailIngest.inactive(destination, reason);
			}
			if (!mapping.highCardinalityLabels().isEmpty()) {
				logger.warn("fluxtail.ingest.field-kinds makes {} labels: every value becomes a resource attribute, "
						+ "which log backends index as a new stream; keep such fields metadata",
						mapping.highCardinalityLabels());
			}
			Transport transport = (url != null)
					? new OtlpHttpTransport(url, IngestSettings.apiKey(properties, environment),
							properties.getConnectTimeout(), properties.getTimeout())
					: new ExporterTransport(LogRecordExporter.composite(applicationExporters), properties.getTimeout());
			// Every event passes every encoder: one of them ships, so that each is shipped once.
			return FluxtailIngest.start(encoders.get(0), mapping, transport, delivery, minLevel,
					properties.getAlwaysShippedLoggers(), destination);
		}

		/**
		 * Stops shipping after the web server has finished its graceful shutdown (its last request
		 * events included) and before any exporter bean is destroyed.
		 */
		@Bean
		@ConditionalOnMissingBean
		IngestLifecycle fluxtailIngestLifecycle(FluxtailIngest ingest) {
			return new IngestLifecycle(ingest);
		}

		private static String bootDestination(Environment environment) {
			String endpoint = environment.getProperty(BOOT_ENDPOINT);
			String shown = (endpoint != null) ? IngestUrls.withoutCredentials(URI.create(endpoint.trim())) : "(default)";
			return "Spring Boot OpenTelemetry log export " + shown;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
		static class EndpointConfiguration {

			@Bean
			@Order(FluxtailContributor.INGEST)
			FluxtailContributor fluxtailIngestContributor(FluxtailIngest ingest) {
				return new IngestContributor(ingest);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class MetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			IngestMetrics fluxtailIngestMetrics(FluxtailIngest ingest) {
				return new IngestMetrics(ingest);
			}

		}

	}

	static final class IngestLifecycle implements SmartLifecycle {

		/** Below the web server's graceful shutdown, which stops first. */
		static final int PHASE = Integer.MIN_VALUE + 1000;

		private final FluxtailIngest ingest;

		private volatile boolean running = true;

		IngestLifecycle(FluxtailIngest ingest) {
			this.ingest = ingest;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			this.ingest.stop();
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return PHASE;
		}

	}

	/**
	 * A URL to ship to, or an exporter of the application's to feed.
	 */
	static final class OnIngestDestination extends AnyNestedCondition {

		OnIngestDestination() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "fluxtail.ingest.url")
		static class UrlSet {

		}

		@ConditionalOnBean(LogRecordExporter.class)
		static class ApplicationExporter {

		}

	}

}
