package io.fluxtail.ingest;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fluxtail.testsupport.OtlpServer;
import io.fluxtail.testsupport.OtlpServer.Shipped;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When shipping switches on, and where it sends.
 */
class FluxtailIngestAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FluxtailIngestAutoConfiguration.class));

	@Test
	void withoutAUrlOrAnExporterNothingShips() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(FluxtailIngest.class));
	}

	@Test
	void aUrlSwitchesShippingOnUnlessDisabled() {
		this.contextRunner.withPropertyValues("fluxtail.ingest.url=http://127.0.0.1:4318/v1/logs")
			.run((context) -> assertThat(context).hasSingleBean(FluxtailIngest.class));
		this.contextRunner
			.withPropertyValues("fluxtail.ingest.url=http://127.0.0.1:4318/v1/logs", "fluxtail.ingest.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FluxtailIngest.class));
	}

	@Test
	void changingTheKindOfAFieldWithAPlaceOfItsOwnFailsEvenWhenNothingShips() {
		this.contextRunner.withPropertyValues("fluxtail.ingest.field-kinds.level=label").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("fieldKinds[level]")
				.hasMessageContaining("'level' has a place of its own in an OTLP log record");
		});
		this.contextRunner.withPropertyValues("fluxtail.ingest.field-kinds.request_id=label")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void withoutTheOpenTelemetrySdkNothingShips() {
		this.contextRunner.withPropertyValues("fluxtail.ingest.url=http://127.0.0.1:4318/v1/logs")
			.withClassLoader(new FilteredClassLoader("io.opentelemetry"))
			.run((context) -> assertThat(context).doesNotHaveBean(FluxtailIngest.class));
	}

	@Test
	void anExporterOfTheApplicationIsFedInsteadOfASecondConnection() {
		this.contextRunner.withBean(LogRecordExporter.class, RecordingExporter::new)
			.run((context) -> assertThat(context.getBean(FluxtailIngest.class).status().destination())
				.startsWith("Spring Boot OpenTelemetry log export"));
	}

	@Test
	void springBootsOwnOtlpLogExportCarriesTheEvents() throws Exception {
		try (OtlpServer server = new OtlpServer();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(Worker.class)
					.web(WebApplicationType.NONE)
					.properties("spring.application.name=billing-worker", "fluxtail.environment=prod",
							"management.opentelemetry.logging.export.otlp.endpoint=" + server.url(),
							"fluxtail.ingest.flush-interval=50ms")
					.run()) {
			LoggerFactory.getLogger("billing.job").info("invoice run finished");

			Shipped shipped = server.awaitRecord((record) -> record.body().equals("invoice run finished"));
			assertThat(shipped.resource()).containsEntry("service.name", "billing-worker");
			assertThat(context.getBean(FluxtailIngest.class).status().destination())
				.isEqualTo("Spring Boot OpenTelemetry log export " + server.url());
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Worker {

	}

	static class RecordingExporter implements LogRecordExporter {

		final List<LogRecordData> exported = new CopyOnWriteArrayList<>();

		@Override
		public CompletableResultCode export(Collection<LogRecordData> logs) {
			this.exported.addAll(logs);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
