package io.fluxtail.test;

import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture with a configuration of its own, for a test without Spring: here the text format
 * with ECS names. Each line is kept as written, read back with the strict
 * text reader knowing its fields (a message ending in {@code key=value} words included), and
 * asserted on with the JSON types of the same event.
 */
class TextCaptureTests {

	@RegisterExtension
	static final LogCaptureExtension capture = LogCaptureExtension.withConfig(new EncoderConfig(LogFormat.TEXT,
			FieldContract.builder().schema(Schema.ECS).build(), StackTraceSettings.defaults(), new ContractStats()));

	private static final Logger log = LoggerFactory.getLogger("orders");

	@Test
	void textLinesAreCapturedAsWrittenAndReadWithTheirFieldsTypes(CapturedLogs logs) {
		log.atInfo().addKeyValue("order_id", 4921).log("order accepted after retry=3");

		assertThat(logs.format()).isEqualTo(LogFormat.TEXT);
		LogLine line = logs.lines().get(0);
		assertThat(line.text()).contains(" INFO orders ").endsWith(" order accepted after retry=3 order_id=4921");
		assertThat(line).hasMessage("order accepted after retry=3")
			.hasField("order_id", 4921)
			.hasField("log.logger", "orders")
			.hasField("service.name", "-")
			.doesNotHaveField("retry")
			.satisfiesContract();
	}

}
