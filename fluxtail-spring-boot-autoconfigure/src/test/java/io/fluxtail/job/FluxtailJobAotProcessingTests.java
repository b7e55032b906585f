package io.fluxtail.job;

import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.TypeHint;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with scheduling processed ahead of time, as {@code spring-boot:process-aot} does
 * before a native image: the proxy class of {@code taskScheduler} is generated at build time, and
 * no other bean gets one, whatever methods its class has.
 */
class FluxtailJobAotProcessingTests {

	@Test
	void onlyTheSchedulersProxyClassIsGeneratedAheadOfTime() {
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(Application.class)), new InMemoryGeneratedFiles());
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(Application.class);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		}

		assertThat(generation.getRuntimeHints().reflection().typeHints().map(TypeHint::getType))
			.as("proxy classes the native image is told of")
			.anyMatch((type) -> type.getName().startsWith(ThreadPoolTaskScheduler.class.getName() + "$$SpringCGLIB$$"))
			.noneMatch((type) -> type.getName().startsWith(Reminders.class.getName() + "$$"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@ImportAutoConfiguration({ TaskSchedulingAutoConfiguration.class, FluxtailAutoConfiguration.class,
			FluxtailJobAutoConfiguration.class })
	static class Application {

		@Bean
		Reminders reminders() {
			return new Reminders();
		}

	}

	/**
	 * An application's bean with a method named like a scheduler's, of a class that cannot be
	 * subclassed: AOT processing fails if the starter asks for a proxy class of it.
	 */
	static final class Reminders {

		void scheduleReminder(Runnable reminder) {
			reminder.run();
		}

	}

}
