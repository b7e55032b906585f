package io.fluxtail.autoconfigure.redaction;

import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import java.util.List;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.redaction.ActiveRedaction;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.PatternDetector;
import io.fluxtail.logging.redaction.Triggers;
import io.fluxtail.testsupport.LogLines;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Redaction as an application configures and sees it: properties, detector beans and the
 * {@code fluxtail.redactions} counter, on real applications whose console lines are parsed.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedactionApplicationTests {

	private static final Logger log = LoggerFactory.getLogger("checkout.api");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FluxtailRedactionAutoConfiguration.class, FluxtailRedactionMetricsAutoConfiguration.class));

	@Test
	void aDetectorBeanJoinsTheInstalledEncoderAndEveryRedactionIsCounted(CapturedOutput output) {
		ActiveRedaction redaction;
		try (ConfigurableApplicationContext context = run(WithBadgeDetector.class, "spring.application.name=checkout-api")) {
			redaction = context.getBean(LoggingInstallation.class).config().redaction();
			log.info("badge EMP-123456 paid with 4111 1111 1111 1111");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(RedactionMetrics.METER_NAME).tag("detector", "badge").functionCounter().count())
				.isEqualTo(1);
			assertThat(registry.get(RedactionMetrics.METER_NAME).tag("detector", "card").functionCounter().count())
				.isEqualTo(1);
			assertThat(registry.get(RedactionMetrics.METER_NAME).tag("detector", "jwt").functionCounter().count())
				.isZero();
		}
		assertThat(message(output, "badge ")).isEqualTo("badge [REDACTED:badge] paid with [REDACTED:card]");
		assertThat(redaction.policy().detectors()).extracting(Detector::id)
			.as("removed when the context closed")
			.doesNotContain("badge");
	}

	@Test
	void propertiesAddDetectorsAndKeysSwitchDetectorsOffAndKeepHints(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(Plain.class,
				"fluxtail.redaction.detectors.badge.pattern=EMP-\\d{6}", "fluxtail.redaction.detectors.badge.triggers=EMP-",
				"fluxtail.redaction.disabled-detectors=email", "fluxtail.redaction.partial=true",
				"fluxtail.redaction.sensitive-keys=pin", "fluxtail.redaction.max-message-size=100B")) {
			log.info("badge EMP-123456 of jane@example.com paid with 4111 1111 1111 1111");
			log.atInfo().addKeyValue("card_pin", "4242").log("pin change");
			log.info("long {}", "x".repeat(500));
		}
		assertThat(message(output, "badge ")).isEqualTo("badge [REDACTED:badge] of jane@example.com paid with [REDACTED:card:****1111]");
		assertThat(line(output, "pin change").get("card_pin").asString()).isEqualTo("[REDACTED:sensitive_key]");
		assertThat(message(output, "long ")).hasSize(100 + "...[TRUNCATED:505 chars]".length())
			.endsWith("...[TRUNCATED:505 chars]");
	}

	@Test
	void redactionOffLeavesValuesButStillBoundsThem(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(Plain.class, "fluxtail.redaction.enabled=false",
				"fluxtail.redaction.max-field-size=64B")) {
			log.atInfo().addKeyValue("password", "hunter2").addKeyValue("note", "y".repeat(100)).log("redaction off");
		}
		JsonNode line = line(output, "redaction off");
		assertThat(line.get("password").asString()).isEqualTo("hunter2");
		assertThat(line.get("note").asString()).isEqualTo("y".repeat(64) + "...[TRUNCATED:100 chars]");
	}

	@Test
	void anInvalidDetectorPatternFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run(Plain.class, "fluxtail.redaction.detectors.badge.pattern=EMP-(\\d"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.redaction.detectors.badge.pattern"));
	}

	@Test
	void disablingAnUnknownDetectorFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run(Plain.class, "fluxtail.redaction.disabled-detectors=mail"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.redaction.disabled-detectors"));
	}

	@Test
	void aTooSmallSizeLimitFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run(Plain.class, "fluxtail.redaction.max-field-size=10B"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.redaction.max-field-size"));
	}

	@Test
	void theCounterExistsOnlyWithAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(RedactionDetectorRegistrar.class)
			.doesNotHaveBean(RedactionMetrics.class));
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(RedactionMetrics.class));
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RedactionMetrics.class));
	}

	private static ConfigurableApplicationContext run(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).properties(properties).run();
	}

	private static JsonNode line(CapturedOutput output, String messagePrefix) {
		List<JsonNode> lines = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(LogLines::parse)
			.filter((line) -> line.get(CoreFields.MESSAGE).asString().startsWith(messagePrefix))
			.toList();
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	private static String message(CapturedOutput output, String messagePrefix) {
		return line(output, messagePrefix).get(CoreFields.MESSAGE).asString();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Plain {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Configuration(proxyBeanMethods = false)
	static class WithBadgeDetector {

		@Bean
		Detector badgeDetector() {
			return PatternDetector.of("badge", "Employee badge numbers", "EMP-\\d{6}", Triggers.anyOf("EMP-"));
		}

	}

}
