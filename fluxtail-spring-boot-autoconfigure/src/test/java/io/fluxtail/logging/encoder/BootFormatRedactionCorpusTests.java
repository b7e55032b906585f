package io.fluxtail.logging.encoder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.fluxtail.logging.encoder.RedactionCorpus.Secret;
import io.fluxtail.logging.encoder.RedactionCorpusTests.ValuePosition;
import io.fluxtail.logging.redaction.SensitiveKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same corpus as {@link RedactionCorpusTests}, in every position, written by Spring Boot's own
 * {@code ecs}, {@code logstash} and {@code gelf} encoders with the starter on the classpath: Boot
 * loads the starter's JSON members customizer, and no secret survives.
 */
class BootFormatRedactionCorpusTests {

	/**
	 * One encoder per format, started once as an application starts it: Boot's formatter and the
	 * starter's compiled redaction are built once per format, not once per case.
	 */
	private static final Map<String, LogbackCapture> CAPTURES = new ConcurrentHashMap<>();

	static Stream<Arguments> secretsInEveryBootFormat() {
		return Stream.of("ecs", "logstash", "gelf")
			.flatMap((format) -> RedactionCorpus.secrets().stream().map((secret) -> Arguments.of(format, secret)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("secretsInEveryBootFormat")
	void noSecretSurvivesInAnyPosition(String format, Secret secret) {
		LogbackCapture capture = CAPTURES.computeIfAbsent(format, BootFormatRedactionCorpusTests::capture);
		for (ValuePosition position : ValuePosition.values()) {
			position.log(capture.logger(), capture.mdc(), secret.text());
			String output = capture.take("out");
			assertThat(output).as(position + " wrote one line").hasLineCount(1);
			assertThat(RedactionCorpusTests.valuesOf(LogFormat.JSON, output)).as(position + " text")
				.noneMatch((value) -> value.contains(secret.secret()));
			assertThat(output).as(position + " raw line").doesNotContain(secret.secret());
			if (position != ValuePosition.STRUCTURED_ARGUMENT) {
				// Boot's formats do not write logstash structured arguments at all
				String rule = position.underSensitiveName ? SensitiveKeys.ID : secret.detector();
				assertThat(output).as(position + " names the rule").contains("[REDACTED:" + rule + "]");
			}
		}
	}

	private static LogbackCapture capture(String format) {
		StructuredLogEncoder boot = new StructuredLogEncoder();
		boot.setFormat(format);
		return new LogbackCapture()
			.with(Environment.class.getName(),
					new MockEnvironment().withProperty("logging.structured.format.console", format))
			.writeTo("out", boot);
	}

}
