package io.fluxtail.autoconfigure.output;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.fluxtail.logging.output.OutputSettings;
import io.fluxtail.logging.output.QueuedAppender;
import io.fluxtail.testsupport.BreakableStatusManager;
import io.fluxtail.testsupport.ThrowingAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health of queue-backed output follows its writer thread.
 */
class OutputHealthIndicatorTests {

	private final LoggerContext context = new LoggerContext();

	private final BreakableStatusManager statuses = new BreakableStatusManager();

	private final QueuedAppender queue = new QueuedAppender(
			new OutputSettings(64, Duration.ofMillis(20), Duration.ofSeconds(1)));

	private final OutputHealthIndicator indicator = new OutputHealthIndicator(() -> this.queue);

	OutputHealthIndicatorTests() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.setStatusManager(this.statuses);
		this.queue.setContext(this.context);
		this.queue.addAppender(new ThrowingAppender("poison"));
		this.queue.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.queue);
	}

	@AfterEach
	void stopLogback() {
		this.context.stop();
	}

	@Test
	void upWhileTheWriterRuns() {
		this.context.getLogger("checkout.api").info("order accepted");
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
		assertThat(health.getDetails()).containsEntry("writer", "running");
	}

	@Test
	void downOnceTheWriterHasEndedWhileTheApplicationRuns() throws InterruptedException {
		// nothing the writer does can end it, except failing to report a failure
		this.statuses.broken = true;
		this.context.getLogger("checkout.api").info("poison");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.queue.isWriterRunning() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		this.statuses.broken = false;
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
		assertThat(health.getDetails()).containsEntry("writer", "ended")
			.containsEntry("fallback", OutputHealthIndicator.FALLBACK);
	}

	@Test
	void upWithSynchronousOutput() {
		assertThat(new OutputHealthIndicator(() -> null).health().getStatus())
			.isEqualTo(org.springframework.boot.health.contributor.Status.UP);
	}

}
