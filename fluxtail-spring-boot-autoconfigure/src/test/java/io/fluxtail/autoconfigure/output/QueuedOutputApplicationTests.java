package io.fluxtail.autoconfigure.output;

import java.time.Duration;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.actuate.OutputDescriptor;
import io.fluxtail.autoconfigure.logging.FluxtailOutputProperties;
import io.fluxtail.testsupport.ConfigProps;
import io.micrometer.core.instrument.MeterRegistry;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code fluxtail.output.*} on real applications: the lines, the endpoint and the meters.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueuedOutputApplicationTests {

	private static final Logger log = LoggerFactory.getLogger("checkout.api");

	@Test
	void asyncOutputShowsItsQueueOnTheEndpointAndInMetrics(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("fluxtail.output.async=true",
				"fluxtail.output.queue-capacity=512")) {
			log.info("order accepted");
			OutputDescriptor described = context.getBean(FluxtailEndpoint.class)
				.contract()
				.section("output", OutputDescriptor.class);
			assertThat(described.mode()).isEqualTo("async");
			assertThat(described.queueCapacity()).isEqualTo(512);
			assertThat(described.queueSize()).isBetween(0, 512);
			assertThat(described.dropped()).isEmpty();
			assertThat(context.getBean(FluxtailEndpoint.class).contract().appenders()).containsExactly("CONSOLE");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(OutputMetrics.QUEUE_SIZE).gauge().value()).isBetween(0.0, 512.0);
			assertThat(registry.get(OutputMetrics.DROPPED).tag("level", "INFO").functionCounter().count()).isZero();
			assertThat(registry.get(OutputMetrics.DROPPED).functionCounters()).hasSize(5);
			assertThat(described.writer()).isEqualTo("running");
			assertThat(described.inFlight()).isBetween(0, 512);
			assertThat(described.failedWrites()).isZero();
			assertThat(described.unwrittenAtStop()).isZero();
			assertThat(registry.get(OutputMetrics.IN_FLIGHT).gauge().value()).isBetween(0.0, 512.0);
			assertThat(registry.get(OutputMetrics.UNWRITTEN).functionCounter().count()).isZero();
			assertThat(registry.get(OutputMetrics.FAILED).functionCounter().count()).isZero();
			// written by the queue's thread, still through System.out: output capture sees it
			awaitLine(output, "\"message\":\"order accepted\"");
		}
	}

	@Test
	void outputIsSynchronousByDefault(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			log.info("order accepted");
			// written before the call returned
			assertThat(output.getOut()).contains("\"message\":\"order accepted\"");
			OutputDescriptor described = context.getBean(FluxtailEndpoint.class)
				.contract()
				.section("output", OutputDescriptor.class);
			assertThat(described.mode()).isEqualTo("sync");
			assertThat(described.queueCapacity()).isNull();
			assertThat(context.getBeansOfType(OutputMetrics.class)).isEmpty();
		}
	}

	@Test
	void outputPropertiesAreShownByConfigprops() {
		try (ConfigurableApplicationContext context = run("management.endpoints.web.exposure.include=configprops",
				"fluxtail.output.async=true")) {
			assertThat(ConfigProps.shownFor(context, FluxtailOutputProperties.PREFIX)).containsKeys("async",
					"queueCapacity", "maxBlock", "shutdownTimeout");
		}
	}

	@Test
	void asyncOutputHealthIsUpWhileItsWriterRuns() {
		try (ConfigurableApplicationContext context = run("fluxtail.output.async=true")) {
			Health health = context.getBean(OutputHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("writer", "running").containsEntry("mode", "async");
		}
	}

	@Test
	void synchronousOutputHasNoHealthIndicator() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBeansOfType(OutputHealthIndicator.class)).isEmpty();
		}
	}

	@Test
	void valuesThatFailToSerializeAreCountedAsSuchOnTheEndpoint(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			FluxtailEndpoint endpoint = context.getBean(FluxtailEndpoint.class);
			ContractDescriptor before = endpoint.contract();
			log.info("order {}", StructuredArguments.value("payment", new Asserting()));
			log.atInfo().addKeyValue("payment", new Asserting()).log("order accepted");
			ContractDescriptor after = endpoint.contract();
			assertThat(after.stat("serializationFailures") - before.stat("serializationFailures")).isEqualTo(2);
			assertThat(after.stat("encoderErrors") - before.stat("encoderErrors")).isEqualTo(1);
			assertThat(after.stat("conflictsDropped")).isEqualTo(before.stat("conflictsDropped"));
			assertThat(output.getOut()).contains("\"message\":\"order accepted\"").contains("\"encoder_error\"");
		}
	}

	@Test
	void anEmptyQueueFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run("fluxtail.output.async=true", "fluxtail.output.queue-capacity=0"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.output.queue-capacity"));
	}

	@Test
	void aNegativeMaxBlockFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run("fluxtail.output.max-block=-1s"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.output.max-block"));
	}

	private static void awaitLine(CapturedOutput output, String text) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!output.getOut().contains(text) && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(output.getOut()).contains(text);
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(Plain.class).web(WebApplicationType.NONE)
			.properties("management.endpoints.web.exposure.include=fluxtail")
			.properties(properties)
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Plain {

	}

	/**
	 * A bean whose getter asserts.
	 */
	static final class Asserting {

		public String getState() {
			throw new AssertionError("payment state is not readable");
		}

	}

}
