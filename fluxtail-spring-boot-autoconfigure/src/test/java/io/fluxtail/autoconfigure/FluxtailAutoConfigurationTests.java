package io.fluxtail.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fluxtail.*} properties as the application context and the IDE see them.
 */
class FluxtailAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FluxtailAutoConfiguration.class));

	@Test
	void bindsPropertiesWithRelaxedNames() {
		this.contextRunner
			.withPropertyValues("fluxtail.format=logfmt", "fluxtail.service=checkout-api", "fluxtail.environment=prod",
					"fluxtail.static-fields.team=payments", "fluxtail.field-names.env=environment",
					"fluxtail.stack-trace.max-depth=12")
			.run((context) -> {
				FluxtailProperties properties = context.getBean(FluxtailProperties.class);
				assertThat(properties.getFormat()).isEqualTo(LogFormat.LOGFMT);
				assertThat(properties.getService()).isEqualTo("checkout-api");
				assertThat(properties.getEnvironment()).isEqualTo("prod");
				assertThat(properties.getStaticFields()).containsEntry("team", "payments");
				assertThat(properties.getFieldNames()).containsEntry("env", "environment");
				assertThat(properties.getStackTrace().getMaxDepth()).isEqualTo(12);
			});
	}

	@Test
	void unknownFormatFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("fluxtail.format=xml")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.cause()
				.hasMessageContaining("fluxtail.format"));
	}

	@Test
	void propertyDefaultsMatchTheEncoderDefaults() {
		FluxtailProperties.StackTrace stackTrace = new FluxtailProperties().getStackTrace();
		StackTraceSettings defaults = StackTraceSettings.defaults();
		assertThat(stackTrace.getMaxDepth()).isEqualTo(defaults.maxDepth());
		assertThat(stackTrace.getMaxLength()).isEqualTo(defaults.maxLength());
		assertThat(stackTrace.getCollapsedPackages()).isEqualTo(defaults.collapsedPackages());
	}

	@Test
	void everyPropertyHasADescriptionInTheGeneratedMetadata() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			metadata = JsonMapper.shared().readTree(in);
		}
		List<String> undocumented = new ArrayList<>();
		int fluxtailProperties = 0;
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("fluxtail.")) {
				fluxtailProperties++;
				if (!property.has("description") || property.get("description").asString().isBlank()) {
					undocumented.add(name);
				}
			}
		}
		assertThat(fluxtailProperties).isGreaterThan(10);
		assertThat(undocumented).isEmpty();
	}

}
