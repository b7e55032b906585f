package io.fluxtail.autoconfigure.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.autoconfigure.logging.Installation.Reason;
import io.fluxtail.lines.LogfmtParser;
import io.fluxtail.logging.contract.ContractViolationException;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.testsupport.LogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a user sees on the console with the starter on the classpath: real applications are
 * started and stopped here, and every captured line is parsed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleOutputTests {

	private static final Logger log = LoggerFactory.getLogger("checkout.api");

	/**
	 * Boot turns {@code logging.structured.format.*} into system properties and never clears them.
	 */
	@AfterEach
	void forgetBootsStructuredFormats() {
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
	}

	@Test
	void everyLineFromStartupToShutdownIsOneJsonObjectCarryingTheContract(CapturedOutput output)
			throws InterruptedException {
		try (ConfigurableApplicationContext context = run("spring.application.name=checkout-api",
				"fluxtail.environment=prod", "fluxtail.region=eu-west-1")) {
			log.info("checkout started");
			Thread worker = new Thread(() -> log.warn("retrying payment"), "payment-worker-1");
			worker.start();
			worker.join();
			log.error("payment capture failed", new IllegalStateException("gateway said no"));
			log.info("line one\nline \"two\" total=12");
		}
		List<JsonNode> lines = jsonLines(output);
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.get(CoreFields.TIMESTAMP).asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo("checkout-api");
			assertThat(line.get(CoreFields.ENV).asString()).isEqualTo("prod");
			assertThat(line.get(CoreFields.REGION).asString()).isEqualTo("eu-west-1");
			assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo(CoreFields.MISSING);
			assertThat(line.has(CoreFields.LEVEL) && line.has(CoreFields.LOGGER) && line.has(CoreFields.THREAD))
				.isTrue();
		});
		assertThat(messages(lines)).anyMatch((message) -> message.startsWith("Starting "))
			.anyMatch((message) -> message.startsWith("Started "))
			.contains("checkout started", "retrying payment", "payment capture failed",
					"line one\nline \"two\" total=12");
		assertThat(lineWithMessage(lines, "retrying payment").get(CoreFields.THREAD).asString())
			.isEqualTo("payment-worker-1");
		JsonNode error = lineWithMessage(lines, "payment capture failed");
		assertThat(error.get(CoreFields.ERROR_TYPE).asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(error.get(CoreFields.STACK_TRACE).asString())
			.startsWith("java.lang.IllegalStateException: gateway said no");
	}

	@Test
	void theBannerIsOffUnlessAskedFor(CapturedOutput output) {
		run("spring.application.name=checkout-api").close();
		assertThat(jsonLines(output)).isNotEmpty();
		assertThat(output.getOut()).doesNotContain(":: Spring Boot ::");
	}

	@Test
	void logfmtFormatWritesOneParseableKeyValueLinePerEvent(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("fluxtail.format=logfmt", "fluxtail.service=checkout-api",
				"fluxtail.environment=prod")) {
			log.info("checkout started");
			log.warn("user said \"hi\"\nsecond line", new IllegalStateException("boom"));
		}
		List<String> lines = output.getOut().lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).isNotEmpty().allSatisfy((line) -> {
			List<LogfmtParser.Pair> pairs = LogfmtParser.parse(line);
			assertThat(pairs.get(0).key()).isEqualTo(CoreFields.TIMESTAMP);
			assertThat(pairs.get(0).value()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			assertThat(pairs).contains(new LogfmtParser.Pair(CoreFields.SERVICE, "checkout-api", false),
					new LogfmtParser.Pair(CoreFields.ENV, "prod", false),
					new LogfmtParser.Pair(CoreFields.REQUEST_ID, CoreFields.MISSING, false));
		});
		assertThat(lines).anyMatch((line) -> line.matches("timestamp=\\S+ level=INFO logger=checkout\\.api "
				+ "service=checkout-api env=prod request_id=- thread=main message=\"checkout started\""));
		assertThat(lines).anyMatch((line) -> line.contains(" message=\"user said \\\"hi\\\"\\nsecond line\" "));
	}

	@Test
	void disabledLeavesSpringBootLoggingAsItWas(CapturedOutput output) {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		try (ConfigurableApplicationContext context = run("fluxtail.enabled=false",
				"spring.application.name=checkout-api")) {
			log.info("plain line");
			assertThat(installation(context).reason()).isEqualTo(Reason.DISABLED_BY_PROPERTY);
			assertThat(loggers.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
		}
		assertThat(output.getOut()).contains(":: Spring Boot ::");
		assertThat(output.getOut().lines().filter((line) -> line.contains("plain line")))
			.singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{").contains(" INFO ").contains("checkout.api"));
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("{"));
	}

	@Test
	void bootsOwnStructuredFormatIsKeptAndCarriesTheContractAndRedaction(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.structured.format.console=logstash",
				"spring.application.name=checkout-api", "fluxtail.environment=prod")) {
			try (MDC.MDCCloseable password = MDC.putCloseable("password", "hunter2hunter2")) {
				log.info("connecting to jdbc:mysql://db:3306/orders?user=app&password=Jd2HECflglebBhDT");
			}
			try (MDC.MDCCloseable level = MDC.putCloseable("level", "gold")) {
				log.atInfo().addKeyValue("message", "from kv").addKeyValue("service", "billing").log("reserved names");
			}
			log.error("call failed", new IllegalStateException("upstream rejected password=Jd2HECflglebBhDT ghp_"
					+ "Vc9tO2Ki0dWkcXoqiuKxXlJbMS8J6I4A0pQq"));
			assertThat(installation(context).installed()).isFalse();
			assertThat(installation(context).reason()).isEqualTo(Reason.BOOT_STRUCTURED_FORMAT);
			// what the endpoint and the meters count
			assertThat(context.getBean(LoggingInstallation.class).config().redaction().stats().redactionsByDetector())
				.containsKeys("jdbc_password", "sensitive_key", "github_token");
		}
		List<JsonNode> lines = jsonLines(output);
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.has("@timestamp")).isTrue();
			assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo("checkout-api");
			assertThat(line.get(CoreFields.ENV).asString()).isEqualTo("prod");
			assertThat(line.has(CoreFields.REQUEST_ID)).isTrue();
		});
		JsonNode connecting = lineWithMessage(lines, "connecting to jdbc:mysql://db:3306/orders?user=app&password=[REDACTED:jdbc_password]");
		assertThat(connecting.get("password").asString()).isEqualTo("[REDACTED:sensitive_key]");
		assertThat(connecting.get(CoreFields.REQUEST_ID).asString()).isEqualTo("-");
		JsonNode reserved = lineWithMessage(lines, "reserved names");
		assertThat(reserved.get("level").asString()).isEqualTo("INFO");
		assertThat(reserved.get("mdc.level").asString()).isEqualTo("gold");
		assertThat(reserved.get("kv.message").asString()).isEqualTo("from kv");
		assertThat(reserved.get(CoreFields.SERVICE).asString()).isEqualTo("checkout-api");
		assertThat(reserved.get("kv.service").asString()).isEqualTo("billing");
		assertThat(output.getOut()).doesNotContain("Jd2HECflglebBhDT", "hunter2hunter2", "Vc9tO2Ki0dWkcXoqiuKxXlJbMS8J6I4A0pQq")
			.contains("Spring Boot's structured format is kept on {CONSOLE=logstash}");
	}

	@Test
	void bootsFormatOnTheFileIsKeptWhileTheConsoleGetsFluxtails(@TempDir Path logs, CapturedOutput output)
			throws IOException {
		Path file = logs.resolve("app.log");
		try (ConfigurableApplicationContext context = run("logging.file.name=" + file,
				"logging.structured.format.file=ecs", "spring.application.name=checkout-api",
				"fluxtail.environment=prod")) {
			log.info("to both");
			assertThat(installation(context).appenders()).containsExactly("CONSOLE");
		}
		assertThat(lineWithMessage(jsonLines(output), "to both").get(CoreFields.ENV).asString()).isEqualTo("prod");
		JsonNode ecs = Files.readAllLines(file)
			.stream()
			.map(LogLines::parse)
			.filter((line) -> "to both".equals(line.path("message").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(ecs.get("ecs").get("version").asString()).isEqualTo("8.11");
		assertThat(ecs.get("service").get("environment").asString()).isEqualTo("prod");
		assertThat(ecs.get("http.request.id").asString()).isEqualTo("-");
		assertThat(output.getOut()).contains("Spring Boot's structured format is kept on {FILE=ecs}");
	}

	@Test
	void aFormatterClassInBootsPropertyIsLeftAloneAndSaysSo(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(
				"logging.structured.format.console=" + PlainMessageFormatter.class.getName())) {
			log.info("custom formatter line");
		}
		assertThat(output.getOut()).contains("custom: custom formatter line")
			.contains("custom: Spring Boot's structured format on [CONSOLE] names a formatter class");
	}

	/**
	 * An application's own formatter: the starter never changes what it writes.
	 */
	public static class PlainMessageFormatter implements StructuredLogFormatter<ILoggingEvent> {

		@Override
		public String format(ILoggingEvent event) {
			return "custom: " + event.getFormattedMessage() + "\n";
		}

	}

	@Test
	void anOwnLogbackConfigurationWithoutTheEncoderIsLeftAloneAndTheReasonIsRecorded(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.config=classpath:plain-logback-spring.xml")) {
			log.info("own pattern line");
			assertThat(installation(context).installed()).isFalse();
			assertThat(installation(context).reason()).isEqualTo(Reason.CUSTOM_LOGBACK_CONFIG);
		}
		assertThat(output.getOut()).contains("plain INFO checkout.api  own pattern line")
			.contains("Fluxtail leaves logging to the application's own Logback configuration");
	}

	@Test
	void anOwnLogbackConfigurationThatIncludesTheEncoderCountsAsInstalled(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("logging.config=classpath:own-logback-spring.xml",
				"fluxtail.service=own-config", "spring.main.banner-mode=off")) {
			log.info("from own config");
			assertThat(installation(context).installed()).isTrue();
			assertThat(installation(context).reason()).isNull();
			assertThat(installation(context).appenders()).containsExactly("FLUXTAIL_CONSOLE");
		}
		JsonNode line = lineWithMessage(jsonLines(output), "from own config");
		assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo("own-config");
		assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo(CoreFields.MISSING);
	}

	@Test
	void installationNamesTheAppendersThatCarryTheEncoder() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(installation(context).installed()).isTrue();
			assertThat(installation(context).appenders()).containsExactly("CONSOLE");
		}
	}

	@Test
	void anUnknownFormatFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> run("fluxtail.format=xml"))
			.withMessageContaining("fluxtail.format");
	}

	@Test
	void renamingAFieldToAnInvalidNameFailsStartupNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run("fluxtail.field-names.env=bad name"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.field-names.env"));
	}

	@Test
	void aStaticFieldCannotTakeAContractName() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> run("fluxtail.static-fields.level=x"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.static-fields.level"));
	}

	@Test
	void requiredFieldsWithoutValueAreNamedInOneStartupWarning(CapturedOutput output) {
		run("spring.application.name=checkout-api").close();
		List<JsonNode> warnings = jsonLines(output).stream()
			.filter((line) -> line.get(CoreFields.LOGGER).asString().equals(FluxtailLoggingInstaller.class.getName()))
			.toList();
		assertThat(warnings).singleElement().satisfies((warning) -> {
			assertThat(warning.get(CoreFields.LEVEL).asString()).isEqualTo("WARN");
			assertThat(warning.get(CoreFields.MESSAGE).asString()).contains("env (set fluxtail.environment)")
				.doesNotContain("service");
			assertThat(warning.get("unset_fields").get(0).asString()).isEqualTo(CoreFields.ENV);
		});
	}

	@Test
	void aStrictContractFailsStartupNamingThePropertiesToSet() {
		assertThatExceptionOfType(ContractViolationException.class)
			.isThrownBy(() -> run("fluxtail.contract.strict=true"))
			.withMessageContaining("service (set fluxtail.service or spring.application.name)")
			.withMessageContaining("env (set fluxtail.environment)");
	}

	@Test
	void aStrictContractStartsWhenEveryRequiredFieldIsSet(CapturedOutput output) {
		run("fluxtail.contract.strict=true", "fluxtail.environment=prod", "spring.application.name=checkout-api")
			.close();
		assertThat(jsonLines(output)).noneMatch((line) -> line.get(CoreFields.LEVEL).asString().equals("WARN"));
	}

	@Test
	void theFileAppenderGetsTheEncoderToo(@TempDir Path logs) throws IOException {
		Path file = logs.resolve("app.log");
		try (ConfigurableApplicationContext context = run("logging.file.name=" + file, "fluxtail.environment=prod")) {
			log.info("to the file");
			assertThat(installation(context).appenders()).containsExactly("CONSOLE", "FILE");
		}
		assertThat(Files.readAllLines(file)).isNotEmpty()
			.allSatisfy((line) -> assertThat(LogLines.parse(line).get(CoreFields.ENV).asString()).isEqualTo("prod"))
			.anyMatch((line) -> line.contains("\"to the file\""));
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	private static Installation installation(ConfigurableApplicationContext context) {
		return context.getBean(LoggingInstallation.class).decision();
	}

	/** Every non-blank captured line, each of which must be exactly one JSON object. */
	private static List<JsonNode> jsonLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> !line.isBlank()).map(LogLines::parse).toList();
	}

	private static List<String> messages(List<JsonNode> lines) {
		return lines.stream().map((line) -> line.get(CoreFields.MESSAGE).asString()).toList();
	}

	private static JsonNode lineWithMessage(List<JsonNode> lines, String message) {
		return lines.stream()
			.filter((line) -> line.has(CoreFields.MESSAGE) && line.get(CoreFields.MESSAGE).asString().equals(message))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line with message " + message));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
