package io.fluxtail.autoconfigure;

import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
import io.fluxtail.web.reactive.CoroutineContextWebFilter;
import io.fluxtail.web.reactive.RequestContextHttpHandlerDecorator;
import io.fluxtail.web.reactive.RequestContextWebFilter;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.DispatcherHandler;

/**
 * Request context for WebFlux applications. Switches on Reactor's automatic context propagation
 * (a JVM-wide hook, as {@code spring.reactor.context-propagation=auto} does) unless
 * {@code fluxtail.request.reactor-context-propagation=false}: without it, lines written after a
 * thread hop would lose the request id.
 */
@AutoConfiguration(after = FluxtailPropagationAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ DispatcherHandler.class, Hooks.class, ContextSnapshotFactory.class })
@ConditionalOnBean(InboundRequests.class)
public final class FluxtailReactiveAutoConfiguration {

	FluxtailReactiveAutoConfiguration(FluxtailProperties properties) {
		if (properties.getRequest().isReactorContextPropagation()) {
			Hooks.enableAutomaticContextPropagation();
		}
	}

	@Bean
	@ConditionalOnMissingBean
	RequestContextHttpHandlerDecorator fluxtailRequestContextHttpHandlerDecorator(InboundRequests inbound,
			ObjectProvider<RequestCompletion> completion) {
		return new RequestContextHttpHandlerDecorator(inbound, completion.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RequestContextWebFilter fluxtailRequestContextWebFilter(InboundRequests inbound) {
		return new RequestContextWebFilter(inbound);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "kotlinx.coroutines.reactor.ReactorContext", "org.springframework.web.server.CoWebFilter" })
	static class CoroutinesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoroutineContextWebFilter fluxtailCoroutineContextWebFilter() {
			return new CoroutineContextWebFilter();
		}

	}

}
