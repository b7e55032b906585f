package io.fluxtail.autoconfigure;

import java.util.List;

import ch.qos.logback.core.ConsoleAppender;
import io.fluxtail.autoconfigure.logging.FluxtailOutputProperties;
import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.autoconfigure.logging.FluxtailSpringEncoder;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.propagation.WorkContextAccessor;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.ClassUtils;

/**
 * What a native image must be told of, because the starter reaches it by name or reflection
 * outside the beans AOT processing generates code for: the appender and encoders its Logback XML
 * names (Joran creates and configures them), the properties bound before the context exists, the
 * {@code ServiceLoader} files it reads and the classes whose presence it checks by name. The
 * {@code spring.factories} entries are covered by Spring's own hints for that file.
 */
final class FluxtailRuntimeHints implements RuntimeHintsRegistrar {

	private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

	private static final String LOGSTASH_ENCODER = "net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder";

	private static final String THREAD_LOCAL_ACCESSOR = "io.micrometer.context.ThreadLocalAccessor";

	private static final String SERVICES = "META-INF/services/";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		RequestSwitches.TYPES_LOOKED_UP
			.forEach((type) -> hints.reflection().registerTypeIfPresent(classLoader, type, (hint) -> {
			}));
		if (ClassUtils.isPresent(LOGBACK, classLoader)) {
			hints.resources().registerPattern("io/fluxtail/logback/*.xml");
			hints.resources().registerPattern(SERVICES + Detector.class.getName());
			// created by Joran, which sets their properties through their public setters
			List<TypeReference> joranCreated = TypeReference.listOf(ConsoleAppender.class, FluxtailEncoder.class,
					FluxtailSpringEncoder.class);
			hints.reflection()
				.registerTypes(joranCreated, (hint) -> hint.withMembers(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
						MemberCategory.INVOKE_PUBLIC_METHODS));
			hints.reflection().registerTypeIfPresent(classLoader, LOGSTASH_ENCODER, (hint) -> {
			});
			// bound by the logging installer, before any @ConfigurationProperties bean exists
			BindableRuntimeHintsRegistrar.forTypes(FluxtailProperties.class, FluxtailOutputProperties.class)
				.registerHints(hints, classLoader);
		}
		if (ClassUtils.isPresent(THREAD_LOCAL_ACCESSOR, classLoader)) {
			hints.resources().registerPattern(SERVICES + THREAD_LOCAL_ACCESSOR);
			hints.reflection()
				.registerType(WorkContextAccessor.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
		// the scheduler of an application's own SchedulingConfigurer, advised as an interface proxy
		hints.proxies().registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(TaskScheduler.class));
	}

}
