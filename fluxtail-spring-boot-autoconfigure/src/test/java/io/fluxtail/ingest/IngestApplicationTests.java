package io.fluxtail.ingest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.testsupport.LocalHttp;
import io.fluxtail.testsupport.LogLines;
import io.fluxtail.testsupport.OtlpServer;
import io.fluxtail.testsupport.OtlpServer.Shipped;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Shipping as a web application gets it: real Tomcat, real Logback console, a real loopback OTLP
 * server decoding what arrives.
 */
@ExtendWith(OutputCaptureExtension.class)
class IngestApplicationTests {

	private static final String API_KEY = "flx_live_9Hd2Lq7Vx3Pw8Rk5Tz1Mb4Nc";

	private final OtlpServer server = OtlpServerFactory.start();

	private final LocalHttp http = new LocalHttp();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void applicationAndRequestCompletionEventsShipWithTheirRequestContext(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("fluxtail.ingest.url=" + this.server.url())) {
			HttpResponse<String> response = this.http.get(port(context), "/orders/42", "X-Request-Id", "req-ship-1");
			assertThat(response.statusCode()).isEqualTo(200);

			Shipped loaded = this.server.awaitRecord((record) -> record.body().equals("order loaded"));
			Shipped completed = this.server.awaitRecord((record) -> record.body().equals("request completed")
					&& "req-ship-1".equals(record.attributes().get(CoreFields.REQUEST_ID)));
			assertThat(loaded.resource()).containsEntry("service.name", "checkout-api")
				.containsEntry("deployment.environment.name", "prod")
				.containsEntry(IngestMapping.STREAM_ATTRIBUTE, "checkout-api");
			assertThat(loaded.attributes()).containsEntry(CoreFields.REQUEST_ID, "req-ship-1")
				.containsEntry("order_id", "42")
				.containsEntry("card", "[REDACTED:card]");
			assertThat(completed.attributes()).containsEntry(CoreFields.HTTP_ROUTE, "/orders/{id}")
				.containsEntry(CoreFields.HTTP_STATUS, 200L);
			assertThat(this.server.accepted()).extracting(Shipped::body).doesNotContain("debug detail");
		}
		assertThat(output.getAll()).doesNotContain(API_KEY);
		assertThat(this.server.received()).allSatisfy(
				(request) -> assertThat(request.authorization()).isEqualTo("Bearer " + API_KEY));
	}

	@Test
	void theEndpointAndTheMetersShowDeliveryWithoutTheKey(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("fluxtail.ingest.url=" + this.server.url(),
				"management.endpoints.web.exposure.include=fluxtail")) {
			this.http.get(port(context), "/orders/7");
			this.server.awaitRecord((record) -> record.body().equals("order loaded"));
			awaitSent(context.getBean(FluxtailIngest.class));

			HttpResponse<String> response = this.http.get(port(context), "/actuator/fluxtail");
			assertThat(response.body()).doesNotContain(API_KEY);
			JsonNode ingest = LogLines.parse(response.body()).get("ingest");
			assertThat(ingest.get("active").asBoolean()).isTrue();
			assertThat(ingest.get("destination").asString()).isEqualTo(this.server.url());
			assertThat(ingest.get("sent").asLong()).isPositive();
			assertThat(ingest.get("lastSuccess").isNull()).isFalse();
			assertThat(ingest.get("queueCapacity").asInt()).isEqualTo(4096);
			assertThat(ingest.get("inFlight").asInt()).isZero();
			assertThat(ingest.get("undelivered").asLong()).isZero();
			assertThat(ingest.get("dropped").get("queue_full").asLong()).isZero();
			assertThat(ingest.get("dropped").get("failed").asLong()).isZero();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("fluxtail.ingest.sent").functionCounter().count()).isPositive();
			assertThat(registry.get("fluxtail.ingest.dropped").tag("reason", "rejected").functionCounter().count())
				.isZero();
			assertThat(registry.get("fluxtail.ingest.dropped").tag("reason", "failed").functionCounter().count())
				.isZero();
			assertThat(registry.get("fluxtail.ingest.in.flight").gauge().value()).isZero();
		}
		assertThat(output.getAll()).doesNotContain(API_KEY);
	}

	@Test
	void anIngestThatNeverAnswersDoesNotSlowRequests() throws Exception {
		this.server.hang();
		try (ConfigurableApplicationContext context = run("fluxtail.ingest.url=" + this.server.url(),
				"fluxtail.ingest.timeout=60s", "fluxtail.ingest.queue-capacity=64", "fluxtail.ingest.batch-size=8",
				"fluxtail.ingest.stop-timeout=1s")) {
			long slowest = 0;
			for (int i = 0; i < 200; i++) {
				long start = System.nanoTime();
				assertThat(this.http.get(port(context), "/orders/" + i).statusCode()).isEqualTo(200);
				slowest = Math.max(slowest, System.nanoTime() - start);
			}
			// a request held by the ingest would wait for its 60 s timeout
			assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(10));
			assertThat(context.getBean(FluxtailIngest.class).stats().dropped(io.fluxtail.logging.batch.DropReason.QUEUE_FULL))
				.isPositive();
		}
	}

	@Test
	void theKeyDefaultsToTheFluxtailApiKeyVariable() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Shop.class)
			.properties("spring.application.name=checkout-api", "fluxtail.environment=prod", "server.port=0",
					"fluxtail.ingest.url=" + this.server.url(), "FLUXTAIL_API_KEY=" + API_KEY)
			.run()) {
			this.http.get(port(context), "/orders/1");
			this.server.awaitRecord((record) -> record.body().equals("order loaded"));
		}
		assertThat(this.server.received().get(0).authorization()).isEqualTo("Bearer " + API_KEY);
	}

	@Test
	void aUrlWithCredentialsFailsStartupWithoutRepeatingThem() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> run("fluxtail.ingest.url=https://user:s3cr3t-pw@ingest.example/v1/logs"))
			.havingRootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo("fluxtail.ingest.url");
				assertThat(ex.getMessage()).doesNotContain("s3cr3t-pw");
			});
	}

	@Test
	void aUrlWithAQueryFailsStartupWithAReportThatShowsNeitherTheQueryNorTheKey(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(
				() -> run("fluxtail.ingest.url=https://ingest.example/v1/logs?sv=2026-01-01&sig=Zq8sAsS1gn4tuR3"));

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'https://ingest.example/v1/logs' for configuration property 'fluxtail.ingest.url'"
					+ " (originating from ")
			.contains("Must not carry credentials or a query");
		assertThat(output.getAll()).doesNotContain("Zq8sAsS1gn4tuR3").doesNotContain(API_KEY);
	}

	@Test
	void aKeyThatIsNotAHeaderValueFailsStartupNamingThePropertyNotTheKey(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> run("fluxtail.ingest.url=" + this.server.url(),
					"fluxtail.ingest.api-key=flx_live_Wq4Rt\nLp9Vx2Zk7Mb3"))
			.havingRootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.ingest.api-key"));

		assertThat(output.getOut()).contains("for configuration property 'fluxtail.ingest.api-key'")
			.contains("Must be usable as an HTTP header value");
		assertThat(output.getAll()).doesNotContain("Wq4Rt").doesNotContain("Lp9Vx2Zk7Mb3");
		assertThat(this.server.received()).isEmpty();
	}

	@Test
	void theEnvAndConfigpropsEndpointsMaskTheKeyAndTheUrlsQueryEvenWhenShowingValues() throws Exception {
		try (ConfigurableApplicationContext context = run("fluxtail.ingest.enabled=false",
				"fluxtail.ingest.url=https://ingest.example/v1/logs?sig=Zq8sAsS1gn4tuR3",
				"management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always")) {
			String env = this.http.get(port(context), "/actuator/env").body();
			String configprops = this.http.get(port(context), "/actuator/configprops").body();
			String url = this.http.get(port(context), "/actuator/env/fluxtail.ingest.url").body();

			assertThat(env + configprops + url).doesNotContain(API_KEY).doesNotContain("Zq8sAsS1gn4tuR3");
			assertThat(env).contains("https://ingest.example/v1/logs?******");
			assertThat(configprops).contains("\"apiKey\":\"******\"")
				.contains("\"url\":\"https://ingest.example/v1/logs?******\"");
			assertThat(url).contains("https://ingest.example/v1/logs?******");
		}
	}

	@Test
	void aNewKindForAFieldWithAPlaceOfItsOwnFailsStartupWithoutAUrl(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> run("fluxtail.ingest.field-kinds.level=label"));

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("Property: fluxtail.ingest.fieldKinds[level]")
			.contains("'level' has a place of its own in an OTLP log record; its kind cannot be changed");
	}

	@Test
	void anUnknownMinimumLevelFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> run("fluxtail.ingest.url=" + this.server.url(), "fluxtail.ingest.min-level=NOTICE"))
			.havingRootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.ingest.min-level"));
	}

	@Test
	void makingTheRequestIdALabelIsWarnedAboutAtStartup(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("fluxtail.ingest.url=" + this.server.url(),
				"fluxtail.ingest.field-kinds.request_id=label")) {
			assertThat(output.getOut()).contains("fluxtail.ingest.field-kinds makes [request_id] labels");
		}
	}

	@Test
	void withEveryAppenderOnBootsOwnFormatNothingShipsAndTheStartupSaysWhy(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("fluxtail.ingest.url=" + this.server.url(),
				"logging.structured.format.console=logstash")) {
			IngestStatus status = context.getBean(FluxtailIngest.class).status();
			assertThat(status.active()).isFalse();
			assertThat(status.inactiveReason()).contains("no Fluxtail encoder runs")
				.contains("Spring Boot's own structured format is kept");
			assertThat(output.getOut()).contains("Fluxtail ingest is configured but ships nothing");
		}
		finally {
			System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		}
	}

	private static void awaitSent(FluxtailIngest ingest) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (ingest.stats().exported() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(Shop.class).web(WebApplicationType.SERVLET)
			.properties("spring.application.name=checkout-api", "fluxtail.environment=prod", "server.port=0",
					"fluxtail.ingest.api-key=" + API_KEY, "fluxtail.ingest.flush-interval=50ms")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class Shop {

		private static final Logger log = LoggerFactory.getLogger("checkout.api");

		@GetMapping("/orders/{id}")
		Map<String, String> order(@PathVariable String id) {
			log.debug("debug detail");
			log.atInfo().addKeyValue("order_id", id).addKeyValue("card", "4111 1111 1111 1111").log("order loaded");
			return Map.of("id", id);
		}

	}

	static final class OtlpServerFactory {

		static OtlpServer start() {
			try {
				return new OtlpServer();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}

	}

}
