package io.fluxtail.autoconfigure;

import java.util.List;
import java.util.Map;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FieldDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.FluxtailEndpoint;
import io.fluxtail.actuate.RedactionDescriptor;
import io.fluxtail.actuate.RedactionDescriptor.DetectorDescriptor;
import io.fluxtail.actuate.RequestDescriptor;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.Presence;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.Detectors;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/**
 * When the {@code fluxtail} endpoint exists: only when exposed, never forced.
 */
class FluxtailEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FluxtailAutoConfiguration.class, FluxtailEndpointAutoConfiguration.class));

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FluxtailAutoConfiguration.class,
				FluxtailPropagationAutoConfiguration.class, FluxtailTaskPropagationAutoConfiguration.class,
				FluxtailServletAutoConfiguration.class, FluxtailEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=fluxtail");

	@Test
	void requestSwitchesAreOnOnlyWhenTheirBeansRun() {
		this.webContextRunner.run((context) -> {
			RequestDescriptor request = context.getBean(FluxtailEndpoint.class)
				.contract()
				.section("request", RequestDescriptor.class);
			assertThat(request.taskPropagation()).isTrue();
			assertThat(request.outboundPropagation()).isTrue();
			assertThat(request.completion().enabled()).isTrue();
			assertThat(request.reactorContextPropagation()).isFalse();
			assertThat(request.offReasons()).containsOnly(entry("reactorContextPropagation", "not a reactive web application"));
		});
	}

	@Test
	void withoutContextPropagationTaskPropagationIsReportedOffWithTheReason() {
		this.webContextRunner.withClassLoader(new FilteredClassLoader(ContextSnapshotFactory.class)).run((context) -> {
			RequestDescriptor request = context.getBean(FluxtailEndpoint.class)
				.contract()
				.section("request", RequestDescriptor.class);
			assertThat(request.taskPropagation()).isFalse();
			assertThat(request.offReasons()).containsEntry("taskPropagation",
					"io.micrometer:context-propagation is not on the classpath");
		});
	}

	@Test
	void switchesTurnedOffByPropertyNameTheProperty() {
		this.webContextRunner
			.withPropertyValues("fluxtail.request.outbound=false", "fluxtail.request.propagate-to-tasks=false",
					"fluxtail.request.completion.enabled=false")
			.run((context) -> {
				FluxtailEndpoint endpoint = context.getBean(FluxtailEndpoint.class);
				RequestDescriptor request = endpoint.contract().section("request", RequestDescriptor.class);
				assertThat(request.outboundPropagation()).isFalse();
				assertThat(request.taskPropagation()).isFalse();
				assertThat(request.completion().enabled()).isFalse();
				assertThat(request.offReasons()).containsEntry("outboundPropagation", "fluxtail.request.outbound is false")
					.containsEntry("taskPropagation", "fluxtail.request.propagate-to-tasks is false")
					.containsEntry("completion", "fluxtail.request.completion.enabled is false");
				assertThat(endpoint.field(CoreFields.HTTP_STATUS)).as("no completion event, no completion fields").isNull();
			});
	}

	@Test
	void completionFieldsAreDescribedAsOnCompletionEventsOnly() {
		this.webContextRunner.run((context) -> {
			FieldDescriptor status = context.getBean(FluxtailEndpoint.class).field(CoreFields.HTTP_STATUS);
			assertThat(status.presence()).isEqualTo(Presence.COMPLETION_EVENT.id());
			assertThat(context.getBean(FluxtailEndpoint.class).field(CoreFields.REQUEST_ID).presence())
				.isEqualTo(Presence.EVERY_LINE.id());
			assertThat(context.getBean(FluxtailEndpoint.class).field(CoreFields.TRACE_ID).presence())
				.isEqualTo(Presence.IN_TRACE.id());
		});
	}

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
	void anApplicationContributorAddsItsSectionFieldsAndCounters() {
		FluxtailContributor orders = (builder) -> builder.section("orders", Map.of("queue", "orders-v2"))
			.field(new FieldDescriptor("order_id", "mdc:order_id", false, null, "metadata", null, "when-in-mdc"))
			.stat("ordersRejected", 3L);
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=fluxtail")
			.withBean(FluxtailContributor.class, () -> orders)
			.run((context) -> {
				ContractDescriptor contract = context.getBean(FluxtailEndpoint.class).contract();
				assertThat(contract.section("orders", Map.class)).containsEntry("queue", "orders-v2");
				assertThat(contract.fields()).extracting(FieldDescriptor::name).contains(CoreFields.SERVICE, "order_id");
				assertThat(contract.stat("ordersRejected")).isEqualTo(3);
				assertThat(contract.section("redaction", RedactionDescriptor.class)).isNotNull();
			});
	}

	@Test
	void aUserEndpointReplacesOurs() {
		FluxtailEndpoint own = new FluxtailEndpoint(List.of((builder) -> {
			throw new IllegalStateException("not called");
		}));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=fluxtail")
			.withBean(FluxtailEndpoint.class, () -> own)
			.run((context) -> assertThat(context).getBean(FluxtailEndpoint.class).isSameAs(own));
	}

	@Test
	void configuredCredentialsAreMaskedEvenWithRedactionOff() {
		String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=fluxtail", "fluxtail.redaction.enabled=false",
					"fluxtail.static-fields.api_key=k-2f9d7c1a", "fluxtail.static-fields.build=ci " + token,
					"fluxtail.static-fields.team=payments")
			.run((context) -> {
				FluxtailEndpoint endpoint = context.getBean(FluxtailEndpoint.class);
				assertThat(endpoint.field("api_key").value()).isEqualTo("[REDACTED:sensitive_key]");
				assertThat(endpoint.field("build").value()).isEqualTo("ci [REDACTED:github_token]");
				assertThat(endpoint.field("team").value()).isEqualTo("payments");
				assertThat(endpoint.contract().toString()).doesNotContain("k-2f9d7c1a").doesNotContain(token);
				assertThat((Map<?, ?>) endpoint.contract().stats().get("redactionsByDetector")).allSatisfy(
						(detector, count) -> assertThat(count).isEqualTo(0L));
			});
	}

	@Test
	void describesTheRedactionRules() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=fluxtail",
					"fluxtail.redaction.disabled-detectors=email", "fluxtail.redaction.sensitive-keys=pin",
					"fluxtail.redaction.detectors.badge.pattern=EMP-\\d{6}")
			.run((context) -> {
				RedactionDescriptor redaction = context.getBean(FluxtailEndpoint.class)
					.contract()
					.section("redaction", RedactionDescriptor.class);
				assertThat(redaction.enabled()).isTrue();
				assertThat(redaction.replacement()).isEqualTo("[REDACTED:<detector>]");
				assertThat(redaction.sensitiveKeys()).contains("password", "pin");
				assertThat(redaction.detectors()).extracting(DetectorDescriptor::id, DetectorDescriptor::enabled)
					.contains(tuple("jwt", true), tuple("email", false), tuple("badge", true),
							tuple("sendgrid_api_key", true), tuple("iban", true));
				assertThat(redaction.detectors()).extracting(DetectorDescriptor::id)
					.as("every built-in detector is listed")
					.containsAll(Detectors.defaults().stream().map(Detector::id).toList());
				assertThat(redaction.maxMessageChars()).isEqualTo(32 * 1024);
			});
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
