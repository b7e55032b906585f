package io.fluxtail.autoconfigure;

import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugOnDemand;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.web.CurrentTrace;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.MicrometerCurrentTrace;
import io.fluxtail.web.RequestCompletion;
import io.fluxtail.web.RequestContextSettings;
import io.fluxtail.web.client.RequestIdClientInterceptor;
import io.fluxtail.web.client.RequestIdExchangeFilter;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The request context shared by both web stacks: id resolution, trace source, completion event,
 * and its propagation to outbound HTTP calls ({@link FluxtailTaskPropagationAutoConfiguration}
 * carries it to tasks).
 */
@AutoConfiguration(after = FluxtailAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration" })
@ConditionalOnWebApplication
@ConditionalOnClass(name = { "org.slf4j.MDC", "org.springframework.web.util.pattern.PathPattern" })
@ConditionalOnBooleanProperty(name = { "fluxtail.enabled", "fluxtail.request.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(FluxtailProperties.class)
public final class FluxtailPropagationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestContextStats requestContextStats() {
		return new RequestContextStats();
	}

	@Bean
	@ConditionalOnMissingBean
	RequestContextSettings requestContextSettings(FluxtailProperties properties) {
		return RequestSettings.of(properties.getRequest());
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIds requestIds(RequestContextSettings settings, RequestContextStats stats) {
		return new RequestIds(settings.idPrefix(), settings.trustInbound(), stats);
	}

	@Bean
	@ConditionalOnMissingBean
	InboundRequests inboundRequests(RequestContextSettings settings, RequestIds requestIds,
			ObjectProvider<CurrentTrace> currentTrace, ObjectProvider<RequestCompletion> completion,
			ObjectProvider<DebugLines> debug, ObjectProvider<DebugOnDemand> debugOnDemand) {
		return new InboundRequests(settings, requestIds, currentTrace.getIfAvailable(), completion.getIfAvailable(),
				debug.getIfAvailable(), debugOnDemand.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "fluxtail.request.completion.enabled", matchIfMissing = true)
	RequestCompletion requestCompletion(RequestContextSettings settings, RequestContextStats stats,
			ObjectProvider<DebugLines> debug) {
		return new RequestCompletion(settings.completionExcludedPaths(), stats, debug.getIfAvailable());
	}

	/**
	 * The header a debug token is sent on in; the units carry a token to send only when
	 * {@code fluxtail.debug-on-demand.forward} is on.
	 */
	private static @Nullable String debugHeader(ObjectProvider<DebugOnDemand> debugOnDemand) {
		DebugOnDemand onDemand = debugOnDemand.getIfAvailable();
		return (onDemand != null) ? onDemand.header() : null;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class MicrometerTracingConfiguration {

		/**
		 * Micrometer's no-op tracer counts as no tracer ({@code null} bean), so the
		 * {@code traceparent} fallback applies.
		 */
		@Bean
		@ConditionalOnBean(Tracer.class)
		@ConditionalOnMissingBean
		@Nullable CurrentTrace fluxtailCurrentTrace(Tracer tracer) {
			return MicrometerCurrentTrace.of(tracer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	@ConditionalOnBooleanProperty(name = "fluxtail.request.outbound", matchIfMissing = true)
	static class RestClientPropagationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdClientInterceptor requestIdClientInterceptor(RequestContextSettings settings,
				ObjectProvider<DebugOnDemand> debugOnDemand) {
			return new RequestIdClientInterceptor(settings.header(), debugHeader(debugOnDemand));
		}

		@Bean
		RestClientCustomizer fluxtailRestClientCustomizer(RequestIdClientInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

		@Bean
		RestTemplateCustomizer fluxtailRestTemplateCustomizer(RequestIdClientInterceptor interceptor) {
			return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClientCustomizer.class)
	@ConditionalOnBooleanProperty(name = "fluxtail.request.outbound", matchIfMissing = true)
	static class WebClientPropagationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdExchangeFilter requestIdExchangeFilter(RequestContextSettings settings,
				ObjectProvider<DebugOnDemand> debugOnDemand) {
			return new RequestIdExchangeFilter(settings.header(), debugHeader(debugOnDemand));
		}

		@Bean
		WebClientCustomizer fluxtailWebClientCustomizer(RequestIdExchangeFilter filter) {
			return (builder) -> builder.filter(filter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@Order(FluxtailContributor.REQUESTS)
		FluxtailContributor fluxtailRequestContextContributor(InboundRequests inboundRequests,
				RequestContextStats stats, ConfigurableListableBeanFactory beans, FluxtailProperties properties) {
			return new RequestContextContributor(inboundRequests, stats, beans, properties.getRequest());
		}

	}

}
