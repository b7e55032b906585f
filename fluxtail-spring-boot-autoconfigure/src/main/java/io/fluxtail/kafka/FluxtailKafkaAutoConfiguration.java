package io.fluxtail.kafka;

import java.util.Set;

import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.autoconfigure.ConfiguredRequestIds;
import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugOnDemand;
import io.fluxtail.propagation.CompletionWriter;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.WorkStats;
import io.fluxtail.propagation.WorkUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The request id across Kafka: sent as a record header by {@code KafkaTemplate}, taken from it
 * (with the HTTP trust rule) by {@code @KafkaListener} containers.
 */
@AutoConfiguration(after = FluxtailAutoConfiguration.class,
		afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(name = { "org.slf4j.MDC", "org.springframework.kafka.core.KafkaTemplate" })
@ConditionalOnBooleanProperty(name = { "fluxtail.enabled", "fluxtail.kafka.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(FluxtailKafkaProperties.class)
public final class FluxtailKafkaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MessageContexts fluxtailMessageContexts(FluxtailKafkaProperties properties, ObjectProvider<DebugLines> debug,
			ObjectProvider<DebugOnDemand> debugOnDemand) {
		ConfiguredRequestIds.checkHeader("fluxtail.kafka.header", properties.getHeader());
		FluxtailKafkaProperties.Completion completion = properties.getCompletion();
		MessageContextSettings settings = new MessageContextSettings(properties.getHeader(),
				properties.isTrustInbound(), properties.getIdPrefix(), properties.isOutbound(), completion.isEnabled(),
				completion.getExcludedListeners());
		RequestContextStats idStats = new RequestContextStats();
		return new MessageContexts(settings,
				ConfiguredRequestIds.of("fluxtail.kafka.id-prefix", settings.idPrefix(), settings.trustInbound(),
						idStats),
				idStats, units(settings, MessageContexts.RECORD_MESSAGE, debug.getIfAvailable()),
				units(settings, MessageContexts.BATCH_MESSAGE, debug.getIfAvailable()), debugOnDemand.getIfAvailable());
	}

	private static WorkUnits units(MessageContextSettings settings, String message, @Nullable DebugLines debug) {
		CompletionWriter completion = settings.completionEnabled()
				? new CompletionWriter(MessageContexts.LOGGER_NAME, message) : null;
		return new WorkUnits(completion, Set.copyOf(settings.completionExcludedListeners())::contains, new WorkStats(),
				debug);
	}

	/**
	 * The registry comes from {@code @EnableKafka}, which registers it late (a deferred import), so
	 * it is looked up when the containers start rather than by a bean condition.
	 */
	@Bean
	@ConditionalOnMissingBean
	ListenerContainerContexts fluxtailListenerContainerContexts(ObjectProvider<KafkaListenerEndpointRegistry> registry,
			MessageContexts messageContexts) {
		return new ListenerContainerContexts(registry, messageContexts);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "fluxtail.kafka.outbound", matchIfMissing = true)
	static class TemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdProducerInterceptor<Object, Object> fluxtailRequestIdProducerInterceptor(
				MessageContexts messageContexts) {
			return new RequestIdProducerInterceptor<>(messageContexts.header(), messageContexts.debugHeader());
		}

		/**
		 * Boot has no {@code KafkaTemplate} customizer, so the interceptor is set on every template
		 * bean, Boot's and the application's. A template that needs its own interceptor as well can
		 * set a {@code CompositeProducerInterceptor} holding both.
		 */
		@Bean
		static BeanPostProcessor fluxtailKafkaTemplatePostProcessor(
				ObjectProvider<RequestIdProducerInterceptor<Object, Object>> interceptor) {
			return new BeanPostProcessor() {

				@Override
				@SuppressWarnings("unchecked")
				public @Nullable Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof KafkaTemplate<?, ?> template) {
						((KafkaTemplate<Object, Object>) template).setProducerInterceptor(interceptor.getObject());
					}
					return bean;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@Order(FluxtailContributor.MESSAGES)
		FluxtailContributor fluxtailMessageContextsContributor(MessageContexts messageContexts) {
			return new MessageContextsContributor(messageContexts);
		}

	}

}
