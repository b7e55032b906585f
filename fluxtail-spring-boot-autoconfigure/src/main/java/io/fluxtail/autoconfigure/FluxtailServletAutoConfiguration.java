package io.fluxtail.autoconfigure;

import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
import io.fluxtail.web.servlet.RequestContextServletFilter;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Request context for Spring MVC applications.
 */
@AutoConfiguration(after = FluxtailPropagationAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, FilterRegistrationBean.class })
@ConditionalOnBean(InboundRequests.class)
public final class FluxtailServletAutoConfiguration {

	/**
	 * Order of the filter: right after Spring's {@code ServerHttpObservationFilter}
	 * ({@code HIGHEST_PRECEDENCE + 1}), so the request's span is in scope, and before every other
	 * filter, so their lines carry the request id.
	 */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	@Bean
	@ConditionalOnMissingBean
	RequestContextServletFilter fluxtailRequestContextFilter(InboundRequests inbound,
			ObjectProvider<RequestCompletion> completion) {
		return new RequestContextServletFilter(inbound, completion.getIfAvailable());
	}

	@Bean
	FilterRegistrationBean<RequestContextServletFilter> fluxtailRequestContextFilterRegistration(
			RequestContextServletFilter filter) {
		FilterRegistrationBean<RequestContextServletFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
