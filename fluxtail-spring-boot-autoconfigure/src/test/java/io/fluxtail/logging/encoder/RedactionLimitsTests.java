package io.fluxtail.logging.encoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import ch.qos.logback.core.status.Status;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.FailingDetector;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.SizeLimits;
import io.fluxtail.testsupport.LogLines;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Size limits and the contract's immunity, through a real Logback context in both formats.
 */
class RedactionLimitsTests {

	private static final int TEN_MB = 10 * 1024 * 1024;

	private static final int ONE_MB = 1024 * 1024;

	@ParameterizedTest
	@EnumSource(LogFormat.class)
	void aTenMegabyteValueNeverBecomesATenMegabyteLine(LogFormat format) {
		LogbackCapture capture = new LogbackCapture()
			.writeTo("out", RedactionCorpusTests.config(format, RedactionPolicy.defaults()));
		String huge = "x".repeat(TEN_MB);
		List<String> manyElements = Collections.nCopies(1_000_000, "item");
		capture.logger().atInfo().addKeyValue("body", huge).log("message {}", huge);
		capture.logger().atInfo().addKeyValue("items", manyElements).addKeyValue("nested", Map.of("deep", huge)).log("lists");
		capture.logger().error("failed", new IllegalStateException(huge));
		String output = capture.take("out");
		List<String> lines = output.lines().toList();
		assertThat(lines).hasSize(3).allSatisfy((line) -> assertThat(line.length()).isLessThan(100 * 1024));
		assertThat(output).contains("...[TRUNCATED:" + (TEN_MB + "message ".length()) + " chars]")
			.contains("...[TRUNCATED:" + TEN_MB + " chars]")
			.contains(" more elements]");
	}

	/**
	 * A structured argument's name is read back through Jackson, whose default read constraints
	 * stop at 50,000 characters, so its long name here stays below that.
	 */
	@ParameterizedTest
	@EnumSource(LogFormat.class)
	void aMegabyteFieldNameIsCutInEveryPositionAndCounted(LogFormat format) {
		EncoderConfig config = RedactionCorpusTests.config(format, RedactionPolicy.defaults());
		LogbackCapture capture = new LogbackCapture().writeTo("out", config);
		String huge = "n".repeat(ONE_MB);
		String long10k = "n".repeat(10_000);
		capture.mdc().put("mdc" + huge, "1");
		capture.logger()
			.atInfo()
			.addKeyValue("kv" + huge, 2)
			.addKeyValue("nested", Map.of("key" + huge, 3))
			.log("names", StructuredArguments.kv("arg" + long10k, 4));
		capture.mdc().clear();
		String output = capture.take("out");
		assertThat(output).hasLineCount(1);
		assertThat(output.length()).isLessThan(2 * 1024);
		assertThat(output).contains(cut("mdc" + huge), cut("kv" + huge), cut("key" + huge), cut("arg" + long10k));
		assertThat(config.redaction().stats().truncations()).isEqualTo(4);
	}

	@ParameterizedTest
	@EnumSource(LogFormat.class)
	void cutNamesThatMeetAreRenamedThenDroppedAndCounted(LogFormat format) {
		EncoderConfig config = RedactionCorpusTests.config(format, RedactionPolicy.defaults());
		LogbackCapture capture = new LogbackCapture().writeTo("out", config);
		String huge = "n".repeat(ONE_MB);
		capture.logger()
			.atInfo()
			.addKeyValue(huge + "1", "first")
			.addKeyValue(huge + "2", "second")
			.addKeyValue(huge + "3", "third")
			.log("names");
		String output = capture.take("out");
		assertThat(output).contains(cut(huge + "1"), "kv." + cut(huge + "2"), "second").doesNotContain("third");
		assertThat(config.stats().conflictsRenamed()).isEqualTo(1);
		assertThat(config.stats().conflictsDropped()).isEqualTo(1);
		assertThat(config.redaction().stats().truncations()).isEqualTo(3);
	}

	private static String cut(String name) {
		return name.substring(0, SizeLimits.MAX_NAME_CHARS) + "[TRUNCATED:" + name.length() + "]";
	}

	@ParameterizedTest
	@EnumSource(LogFormat.class)
	void messageAndFieldLimitsAreConfigurable(LogFormat format) {
		RedactionPolicy policy = RedactionPolicy.builder().limits(new SizeLimits(100, 64)).build();
		EncoderConfig config = RedactionCorpusTests.config(format, policy);
		LogbackCapture capture = new LogbackCapture().writeTo("out", config);
		capture.logger().atInfo().addKeyValue("note", "n".repeat(65)).log("m".repeat(101));
		String output = capture.take("out");
		assertThat(output).contains("m".repeat(100) + "...[TRUNCATED:101 chars]")
			.contains("n".repeat(64) + "...[TRUNCATED:65 chars]");
		assertThat(config.redaction().stats().truncations()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(LogFormat.class)
	void contractFieldsAreNeverTouchedEvenWhenTheyLookLikeSecrets(LogFormat format) {
		LogbackCapture capture = new LogbackCapture()
			.writeTo("out", RedactionCorpusTests.config(format, RedactionPolicy.defaults()));
		capture.mdc().put(CoreFields.REQUEST_ID, "jane@example.com");
		capture.mdc().put(CoreFields.TRACER_TRACE_ID, "4111111111111111");
		capture.logger().info("contract");
		capture.mdc().clear();
		List<String> texts = RedactionCorpusTests.valuesOf(format, capture.take("out"));
		assertThat(texts).contains("jane@example.com", "4111111111111111");
	}

	@ParameterizedTest
	@EnumSource(LogFormat.class)
	void aNestedValueIsCopiedOnlyWhereItChanges(LogFormat format) {
		LogbackCapture capture = new LogbackCapture()
			.writeTo("out", RedactionCorpusTests.config(format, RedactionPolicy.defaults()));
		List<Object> items = new ArrayList<>(List.of(1, 2.5, true, "plain", Map.of("password", "hunter2")));
		capture.logger().atInfo().addKeyValue("items", items).log("nested");
		String output = capture.take("out");
		assertThat(output).doesNotContain("hunter2").contains("[REDACTED:sensitive_key]");
		if (format == LogFormat.JSON) {
			JsonNode line = LogLines.parse(output);
			assertThat(line.get("items").get(0).isNumber()).isTrue();
			assertThat(line.get("items").get(2).isBoolean()).isTrue();
		}
		assertThat(items.get(4)).as("the application's own object is untouched").isEqualTo(Map.of("password", "hunter2"));
	}

	@ParameterizedTest
	@EnumSource(LogFormat.class)
	void aFailingCustomDetectorWithholdsTheValueAndIsReportedOnceToLogback(LogFormat format) {
		Detector broken = new FailingDetector();
		RedactionPolicy policy = RedactionPolicy.builder().detectors(List.of(broken)).build();
		LogbackCapture capture = new LogbackCapture().writeTo("out", RedactionCorpusTests.config(format, policy));
		capture.logger().atInfo().addKeyValue("note", "customer data").log("first");
		capture.logger().info("second");
		String output = capture.take("out");
		assertThat(output.lines()).hasSize(2);
		assertThat(output).doesNotContain("customer data").doesNotContain("first").contains("[REDACTED:broken:unchecked]");
		List<Status> errors = capture.statuses()
			.stream()
			.filter((status) -> status.getLevel() == Status.ERROR && status.getMessage().contains("broken"))
			.toList();
		assertThat(errors).hasSize(1);
	}

}
