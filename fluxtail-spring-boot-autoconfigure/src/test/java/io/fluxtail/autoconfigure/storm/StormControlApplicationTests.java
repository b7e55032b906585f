package io.fluxtail.autoconfigure.storm;

import java.util.List;

import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.actuate.StormDescriptor;
import io.fluxtail.autoconfigure.logging.FluxtailStormProperties;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.storm.StormFilter;
import io.fluxtail.testsupport.ConfigProps;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code fluxtail.storm.*} on real applications: the lines on stdout, the endpoint and the meters.
 */
@ExtendWith(OutputCaptureExtension.class)
class StormControlApplicationTests {

	private static final Logger log = LoggerFactory.getLogger("checkout.storm");

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void aStormIsCutToTheLimitAndItsSummaryIsWrittenWhenTheApplicationCloses(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("fluxtail.storm.limit=5", "fluxtail.storm.window=1h")) {
			for (int i = 0; i < 50; i++) {
				log.error("inventory unavailable for order {}", i);
			}
			log.error("a different error");
			for (int i = 0; i < 50; i++) {
				log.info("order {} accepted", i);
			}
			StormDescriptor described = context.getBean(FluxtailEndpoint.class)
				.contract()
				.section("storm", StormDescriptor.class);
			assertThat(described.enabled()).isTrue();
			assertThat(described.limit()).isEqualTo(5);
			assertThat(described.window()).isEqualTo("PT1H");
			assertThat(described.minLevel()).isEqualTo("WARN");
			assertThat(described.suppressed()).containsEntry("ERROR", 45L);
			assertThat(described.throttled()).singleElement().satisfies((throttled) -> {
				assertThat(throttled.key()).isEqualTo("inventory unavailable for order {}");
				assertThat(throttled.logger()).isEqualTo("checkout.storm");
				assertThat(throttled.suppressed()).isEqualTo(45);
			});
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(StormMetrics.SUPPRESSED).tag("level", "ERROR").functionCounter().count())
				.isEqualTo(45);
			assertThat(registry.get(StormMetrics.THROTTLED).gauge().value()).isEqualTo(1);
		}
		List<JsonNode> lines = output.getOut().lines().filter((line) -> line.startsWith("{")).map(this.mapper::readTree).toList();
		assertThat(lines).filteredOn((line) -> line.get("message").asString().startsWith("inventory unavailable"))
			.hasSize(5);
		assertThat(lines).filteredOn((line) -> line.get("message").asString().equals("a different error")).hasSize(1);
		assertThat(lines).as("INFO lines, below the default min-level")
			.filteredOn((line) -> line.get("message").asString().matches("order \\d+ accepted"))
			.hasSize(50);
		assertThat(lines).filteredOn((line) -> StormFilter.LOGGER_NAME.equals(line.get("logger").asString()))
			.singleElement()
			.satisfies((summary) -> {
				assertThat(summary.get("level").asString()).isEqualTo("ERROR");
				assertThat(summary.get("storm_suppressed").asLong()).isEqualTo(45);
				assertThat(summary.get("storm_key").asString()).isEqualTo("inventory unavailable for order {}");
				assertThat(summary.get("request_id").asString()).isEqualTo("-");
			});
	}

	@Test
	void stormControlCanBeSwitchedOff() {
		try (ConfigurableApplicationContext context = run("fluxtail.storm.enabled=false")) {
			assertThat(context.getBean(LoggingInstallation.class).storm()).isNull();
			StormDescriptor described = context.getBean(FluxtailEndpoint.class)
				.contract()
				.section("storm", StormDescriptor.class);
			assertThat(described.enabled()).isFalse();
			assertThat(context.getBean(MeterRegistry.class).find(StormMetrics.SUPPRESSED).functionCounters()).isEmpty();
		}
	}

	@Test
	void oneStormControlPerApplicationAndItsPropertiesAreShownByConfigprops() {
		try (ConfigurableApplicationContext first = run("fluxtail.storm.limit=7");
				ConfigurableApplicationContext second = run("fluxtail.storm.limit=9",
						"management.endpoints.web.exposure.include=configprops")) {
			assertThat(second.getBean(LoggingInstallation.class).storm().settings().limit()).isEqualTo(9);
			assertThat(((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()
				.stream()
				.filter(StormFilter.class::isInstance)).hasSize(1);
			assertThat(ConfigProps.shownFor(second, FluxtailStormProperties.PREFIX)).containsKeys("enabled", "limit",
					"window", "maxKeys");
		}
	}

	@Test
	void aNegativeLimitFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run("fluxtail.storm.limit=-1"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.storm.limit"));
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

}
