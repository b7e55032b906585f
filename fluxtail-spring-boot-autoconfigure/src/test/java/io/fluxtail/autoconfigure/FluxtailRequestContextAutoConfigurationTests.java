package io.fluxtail.autoconfigure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
import io.fluxtail.web.client.RequestIdClientInterceptor;
import io.fluxtail.web.client.RequestIdExchangeFilter;
import io.fluxtail.web.reactive.CoroutineContextWebFilter;
import io.fluxtail.web.reactive.RequestContextHttpHandlerDecorator;
import io.fluxtail.web.reactive.RequestContextWebFilter;
import io.fluxtail.web.servlet.RequestContextServletFilter;
import io.micrometer.tracing.Tracer;
import kotlinx.coroutines.reactor.ReactorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

class FluxtailRequestContextAutoConfigurationTests {

	private static final AutoConfigurations FLUXTAIL = AutoConfigurations.of(FluxtailAutoConfiguration.class,
			FluxtailPropagationAutoConfiguration.class, FluxtailTaskPropagationAutoConfiguration.class,
			FluxtailServletAutoConfiguration.class,
			FluxtailReactiveAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(FLUXTAIL);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(FLUXTAIL);

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void aServletApplicationGetsTheFilterTheCountersAndThePropagation() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(InboundRequests.class)
				.hasSingleBean(RequestContextStats.class)
				.hasSingleBean(RequestCompletion.class)
				.hasSingleBean(RequestContextServletFilter.class)
				.hasSingleBean(ContextPropagatingTaskDecorator.class)
				.hasSingleBean(RequestIdClientInterceptor.class)
				.hasSingleBean(RequestIdExchangeFilter.class)
				.doesNotHaveBean(RequestContextWebFilter.class);
			FilterRegistrationBean<?> registration = context.getBean("fluxtailRequestContextFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(registration.getOrder()).isEqualTo(FluxtailServletAutoConfiguration.FILTER_ORDER);
			assertThat(context.getBean(InboundRequests.class).description().settings().header())
				.isEqualTo("X-Request-Id");
		});
	}

	@Test
	void aReactiveApplicationGetsTheDecoratorAndTheWebFilter() {
		this.reactive.run((context) -> assertThat(context).hasSingleBean(RequestContextHttpHandlerDecorator.class)
			.hasSingleBean(RequestContextWebFilter.class)
			.doesNotHaveBean(RequestContextServletFilter.class));
	}

	@Test
	void aReactiveApplicationWithKotlinCoroutinesGetsTheCoroutineContextFilter() {
		this.reactive.run((context) -> assertThat(context).hasSingleBean(CoroutineContextWebFilter.class));
		this.reactive.withClassLoader(new FilteredClassLoader(ReactorContext.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CoroutineContextWebFilter.class));
	}

	@Test
	void aReactiveApplicationSwitchesOnReactorsAutomaticContextPropagationUnlessToldNotTo() {
		boolean before = Hooks.isAutomaticContextPropagationEnabled();
		try {
			Hooks.disableAutomaticContextPropagation();
			this.reactive.withPropertyValues("fluxtail.request.reactor-context-propagation=false")
				.run((context) -> assertThat(Hooks.isAutomaticContextPropagationEnabled()).isFalse());
			this.servlet.run((context) -> assertThat(Hooks.isAutomaticContextPropagationEnabled()).isFalse());
			this.reactive.run((context) -> assertThat(Hooks.isAutomaticContextPropagationEnabled()).isTrue());
		}
		finally {
			// A JVM-wide switch: leave it as the other tests found it.
			if (before) {
				Hooks.enableAutomaticContextPropagation();
			}
			else {
				Hooks.disableAutomaticContextPropagation();
			}
		}
	}

	@Test
	void aNonWebApplicationGetsNoRequestContextButItsTasksCarryJobContexts() {
		new ApplicationContextRunner().withConfiguration(FLUXTAIL)
			.run((context) -> assertThat(context).doesNotHaveBean(InboundRequests.class)
				.hasSingleBean(ContextPropagatingTaskDecorator.class));
	}

	@Test
	void whenFluxtailIsDisabledThenNoRequestContextIsConfigured() {
		this.servlet.withPropertyValues("fluxtail.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InboundRequests.class)
				.doesNotHaveBean(RequestContextServletFilter.class)
				.doesNotHaveBean(ContextPropagatingTaskDecorator.class));
	}

	@Test
	void whenTheRequestContextIsDisabledThenNoRequestContextIsConfigured() {
		this.reactive.withPropertyValues("fluxtail.request.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(InboundRequests.class)
				.doesNotHaveBean(RequestContextWebFilter.class));
	}

	@Test
	void theCompletionEventTaskAndOutboundPropagationCanBeSwitchedOff() {
		this.servlet
			.withPropertyValues("fluxtail.request.completion.enabled=false", "fluxtail.request.propagate-to-tasks=false",
					"fluxtail.request.outbound=false")
			.run((context) -> assertThat(context).hasSingleBean(RequestContextServletFilter.class)
				.doesNotHaveBean(RequestCompletion.class)
				.doesNotHaveBean(ContextPropagatingTaskDecorator.class)
				.doesNotHaveBean(RequestIdClientInterceptor.class)
				.doesNotHaveBean(RequestIdExchangeFilter.class));
	}

	@Test
	void whenInboundIdsAreNotTrustedThenEvenSafeOnesAreReplaced() {
		this.servlet.withPropertyValues("fluxtail.request.trust-inbound=false", "fluxtail.request.id-prefix=chk:")
			.run((context) -> {
				InboundRequests inbound = context.getBean(InboundRequests.class);
				assertThat(inbound.open((header) -> "X-Request-Id".equals(header) ? "safe-id" : null, "/").requestId())
					.matches("chk:[0-9a-f]{16}");
				assertThat(context.getBean(RequestContextStats.class).generatedIds()).isOne();
			});
	}

	@Test
	void theIdIsAcceptedFromTheConfiguredHeadersInOrder() {
		this.servlet
			.withPropertyValues("fluxtail.request.header=X-Trace-Request",
					"fluxtail.request.alternative-headers=X-Amzn-Trace-Id,X-Correlation-Id")
			.run((context) -> {
				InboundRequests inbound = context.getBean(InboundRequests.class);
				assertThat(inbound.open((header) -> switch (header) {
					case "X-Amzn-Trace-Id" -> "second";
					case "X-Correlation-Id" -> "third";
					default -> null;
				}, "/").requestId()).isEqualTo("second");
				assertThat(inbound.header()).isEqualTo("X-Trace-Request");
			});
	}

	@Test
	void withoutMicrometerTracingTheTraceparentHeaderIsTheTracingSource() {
		this.servlet.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context.getBean(InboundRequests.class).description().tracingSource())
				.isEqualTo("traceparent"));
	}

	@Test
	void withoutTracerAndWithoutTheFallbackThereIsNoTracingSource() {
		this.servlet.withPropertyValues("fluxtail.request.traceparent-fallback=false")
			.run((context) -> assertThat(context.getBean(InboundRequests.class).description().tracingSource())
				.isEqualTo("none"));
	}

	@Test
	void aHeaderNameThatIsNotATokenFailsStartupNamingTheProperty() {
		assertInvalid("fluxtail.request.header=X Request Id", "fluxtail.request.header");
		assertInvalid("fluxtail.request.alternative-headers=X-Ok,Bad:Header", "fluxtail.request.alternative-headers[1]");
	}

	@Test
	void aPrefixThatWouldFailTheInboundRuleFailsStartupNamingTheProperty() {
		assertInvalid("fluxtail.request.id-prefix=req id-", "fluxtail.request.id-prefix");
		assertInvalid("fluxtail.request.id-prefix=" + "p".repeat(113), "fluxtail.request.id-prefix");
	}

	@Test
	void anInvalidExcludedPathPatternFailsStartupNamingTheProperty() {
		assertInvalid("fluxtail.request.completion.excluded-paths=/ok,/{broken",
				"fluxtail.request.completion.excluded-paths[1]");
	}

	@Test
	void theUsersTaskDecoratorIsKeptAndBothRunOnBootsExecutor() {
		TaskDecorator userDecorator = (task) -> () -> {
			MDC.put("user_decorated", "yes");
			try {
				task.run();
			}
			finally {
				MDC.remove("user_decorated");
			}
		};
		this.servlet.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withBean("userTaskDecorator", TaskDecorator.class, () -> userDecorator)
			.run((context) -> {
				ThreadPoolTaskExecutor executor = context.getBean(ThreadPoolTaskExecutor.class);
				AtomicReference<String> requestId = new AtomicReference<>();
				AtomicReference<String> decorated = new AtomicReference<>();
				MDC.put(CoreFields.REQUEST_ID, "req-submitter");
				executor.submit(() -> {
					requestId.set(MDC.get(CoreFields.REQUEST_ID));
					decorated.set(MDC.get("user_decorated"));
				}).get(5, TimeUnit.SECONDS);
				assertThat(requestId.get()).isEqualTo("req-submitter");
				assertThat(decorated.get()).isEqualTo("yes");
			});
	}

	private void assertInvalid(String property, String name) {
		this.servlet.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.satisfies((ex) -> assertThat(((InvalidConfigurationPropertyValueException) ex).getName())
					.isEqualTo(name));
		});
	}

}
