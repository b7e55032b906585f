package io.fluxtail.autoconfigure;

import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.logging.contract.CoreFields;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code fluxtail} endpoint exists: only when exposed, never forced.
 */
class FluxtailEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FluxtailAutoConfiguration.class, FluxtailEndpointAutoConfiguration.class));

	@Test
	void notExposedMeansNoEndpoint() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(FluxtailEndpoint.class));
	}

	@Test
	void exposedOverWebMeansEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=fluxtail")
			.run((context) -> assertThat(context).hasSingleBean(FluxtailEndpoint.class));
	}

	@Test
	void accessNoneMeansNoEndpointEvenWhenExposed() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=fluxtail",
					"management.endpoint.fluxtail.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(FluxtailEndpoint.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpoint() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=fluxtail")
			.run((context) -> assertThat(context).doesNotHaveBean(FluxtailEndpoint.class));
	}

	@Test
	void aUserEndpointReplacesOurs() {
		FluxtailEndpoint own = new FluxtailEndpoint(() -> {
			throw new IllegalStateException("not called");
		});
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=fluxtail")
			.withBean(FluxtailEndpoint.class, () -> own)
			.run((context) -> assertThat(context).getBean(FluxtailEndpoint.class).isSameAs(own));
	}

	@Test
	void describesTheContractThePropertiesDefine() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=fluxtail", "fluxtail.environment=prod",
					"spring.application.name=checkout-api")
			.run((context) -> {
				FluxtailEndpoint endpoint = context.getBean(FluxtailEndpoint.class);
				assertThat(endpoint.field(CoreFields.ENV).value()).isEqualTo("prod");
				assertThat(endpoint.field(CoreFields.SERVICE).source()).isEqualTo("property:spring.application.name");
				assertThat(endpoint.field("nope")).isNull();
			});
	}

}
