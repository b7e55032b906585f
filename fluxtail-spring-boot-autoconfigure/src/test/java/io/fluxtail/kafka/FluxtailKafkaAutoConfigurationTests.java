package io.fluxtail.kafka;

import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class FluxtailKafkaAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(FluxtailAutoConfiguration.class, KafkaAutoConfiguration.class, FluxtailKafkaAutoConfiguration.class));

	@Test
	void anApplicationWithSpringKafkaGetsTheMessageContext() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(MessageContexts.class)
			.hasSingleBean(ListenerContainerContexts.class)
			.hasSingleBean(RequestIdProducerInterceptor.class));
	}

	@Test
	void withoutSpringKafkaNothingIsConfigured() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MessageContexts.class));
	}

	@Test
	void outboundCanBeSwitchedOffAlone() {
		this.runner.withPropertyValues("fluxtail.kafka.outbound=false")
			.run((context) -> assertThat(context).hasSingleBean(MessageContexts.class)
				.doesNotHaveBean(RequestIdProducerInterceptor.class));
	}

	@Test
	void anInvalidHeaderOrPrefixFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("fluxtail.kafka.header=X Request Id")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("fluxtail.kafka.header"));
		this.runner.withPropertyValues("fluxtail.kafka.id-prefix=msg/")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("fluxtail.kafka.id-prefix"));
	}

}
