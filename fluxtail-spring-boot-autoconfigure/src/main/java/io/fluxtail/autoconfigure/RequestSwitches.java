package io.fluxtail.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.web.RequestContextSwitches;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Reads which parts of the request context run from the beans that exist: a part whose
 * auto-configuration backed off is reported off, with the property or the missing library that
 * turned it off.
 */
final class RequestSwitches {

	private static final String CONTEXT_PROPAGATION = "io.micrometer.context.ContextSnapshotFactory";

	private static final String COMPLETION = "io.fluxtail.web.RequestCompletion";

	private static final String TASK_DECORATOR = "org.springframework.core.task.support."
			+ "ContextPropagatingTaskDecorator";

	private static final String CLIENT_INTERCEPTOR = "io.fluxtail.web.client.RequestIdClientInterceptor";

	private static final String EXCHANGE_FILTER = "io.fluxtail.web.client.RequestIdExchangeFilter";

	private static final String WEB_FILTER = "io.fluxtail.web.reactive.RequestContextWebFilter";

	/** The classes looked up by name, which a native image must be told of ({@link FluxtailRuntimeHints}). */
	static final List<String> TYPES_LOOKED_UP = List.of(CONTEXT_PROPAGATION, COMPLETION, TASK_DECORATOR,
			CLIENT_INTERCEPTOR, EXCHANGE_FILTER, WEB_FILTER);

	private RequestSwitches() {
	}

	static RequestContextSwitches read(ConfigurableListableBeanFactory beans, FluxtailProperties.Request request) {
		ClassLoader classLoader = beans.getBeanClassLoader();
		Map<String, String> offReasons = new LinkedHashMap<>();
		boolean completion = has(beans, classLoader, COMPLETION);
		if (!completion) {
			offReasons.put("completion", "fluxtail.request.completion.enabled is false");
		}
		boolean tasks = has(beans, classLoader, TASK_DECORATOR);
		if (!tasks) {
			offReasons.put("taskPropagation", classOrNull(CONTEXT_PROPAGATION, classLoader) == null
					? "io.micrometer:context-propagation is not on the classpath"
					: "fluxtail.request.propagate-to-tasks is false");
		}
		boolean outbound = has(beans, classLoader, CLIENT_INTERCEPTOR) || has(beans, classLoader, EXCHANGE_FILTER);
		if (!outbound) {
			offReasons.put("outboundPropagation", !request.isOutbound() ? "fluxtail.request.outbound is false"
					: "neither spring-boot-restclient nor spring-boot-webclient is on the classpath");
		}
		boolean reactive = has(beans, classLoader, WEB_FILTER);
		boolean reactor = reactive && request.isReactorContextPropagation();
		if (!reactor) {
			offReasons.put("reactorContextPropagation",
					!reactive ? "not a reactive web application" : "fluxtail.request.reactor-context-propagation is false");
		}
		return new RequestContextSwitches(completion, tasks, outbound, reactor, offReasons);
	}

	private static boolean has(ListableBeanFactory beans, @Nullable ClassLoader classLoader, String className) {
		Class<?> type = classOrNull(className, classLoader);
		return type != null && beans.getBeanNamesForType(type, true, false).length > 0;
	}

	private static @Nullable Class<?> classOrNull(String className, @Nullable ClassLoader classLoader) {
		try {
			return ClassUtils.isPresent(className, classLoader) ? ClassUtils.forName(className, classLoader) : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

}
