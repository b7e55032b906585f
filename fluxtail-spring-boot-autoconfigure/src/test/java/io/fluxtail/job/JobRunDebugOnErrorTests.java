package io.fluxtail.job;

import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import io.fluxtail.autoconfigure.debug.FluxtailDebugAutoConfiguration;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.propagation.MdcSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JobRunDebugOnErrorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FluxtailAutoConfiguration.class, FluxtailDebugAutoConfiguration.class,
				FluxtailJobAutoConfiguration.class))
		.withUserConfiguration(Scheduling.class);

	private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@AfterEach
	void detach() {
		this.logback.getLogger("shop").detachAppender(this.appender);
	}

	@Test
	void aJobRunThatThrowsWritesItsKeptDebugLinesBeforeItsCompletionLine() {
		this.logback.getLogger("shop").addAppender(this.appender);
		this.appender.start();
		this.runner.withPropertyValues("fluxtail.debug-on-error.enabled=true")
			.run((context) -> {
				JobRuns runs = context.getBean(JobRuns.class);
				Runnable failing = runs.wrap(() -> {
					LoggerFactory.getLogger("shop.Invoices").debug("3 invoices due");
					throw new IllegalStateException("mail server down");
				});
				// a failed run leaves its context for the scheduler's error line; the task decorator restores it
				try (MdcSnapshot thread = MdcSnapshot.capture()) {
					assertThatIllegalStateException().isThrownBy(failing::run);
				}
				runs.wrap(() -> LoggerFactory.getLogger("shop.Invoices").debug("nothing due")).run();
				List<String> messages = this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
				assertThat(messages).containsExactly("3 invoices due");
				DebugLines lines = context.getBean(DebugLines.class);
				assertThat(lines.stats().unitsFlushed()).isEqualTo(1);
				assertThat(lines.stats().linesFlushed()).isEqualTo(1);
				assertThat(lines.stats().linesDiscarded()).isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {

	}

}
