package io.fluxtail.test;

import java.util.List;

import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.encoder.LogFormat;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Lines of every format the starter writes, read back with the strict readers its own tests use:
 * the README's lines of the sample app's {@code POST /orders}.
 */
class LineFormatsTests {

	@Test
	void logfmtLinesAreReadStrictlyWithBareNumbersAsNumbers() {
		CapturedLogs logs = CapturedLogs.read(List.of("timestamp=2026-11-28T15:36:08.152Z level=INFO logger=checkout.api "
				+ "service=checkout-api env=prod request_id=req-9f2c version=1.4.2 instance=local "
				+ "thread=http-nio-18093-exec-1 message=\"order accepted\" order_id=4921 total_cents=12999 note=\"null\""),
				LogFormat.LOGFMT, Schema.FLUXTAIL);

		assertThat(logs).withMessage("order accepted")
			.singleLine()
			.hasLevel(Level.INFO)
			.hasRequestId("req-9f2c")
			.hasField("order_id", 4921)
			.hasField("version", "1.4.2")
			.hasField("note", "null")
			.satisfiesContract();
	}

	@Test
	void textLinesAreReadWithTheMessageBetweenTheThreadAndTheApplicationsFields() {
		CapturedLogs logs = CapturedLogs.read(List.of("2026-11-28T15:36:15.114Z INFO checkout.api service=checkout-api "
				+ "env=prod request_id=req-9f2c version=1.4.2 instance=local thread=http-nio-18093-exec-1 "
				+ "order accepted order_id=4921 total_cents=12999"), LogFormat.TEXT, Schema.FLUXTAIL);

		assertThat(logs).singleLine()
			.hasMessage("order accepted")
			.hasLogger("checkout.api")
			.hasField("thread", "http-nio-18093-exec-1")
			.hasField("total_cents", 12999)
			.satisfiesContract();
	}

	@Test
	void ecsLinesAreReadUnderTheirEcsNames() {
		CapturedLogs logs = CapturedLogs.read(List.of("{\"@timestamp\":\"2026-11-28T15:36:22.417Z\",\"log.level\":\"INFO\","
				+ "\"message\":\"order accepted\",\"log.logger\":\"checkout.api\",\"process.thread.name\":\"http-nio-1\","
				+ "\"ecs.version\":\"8.11\",\"service.name\":\"checkout-api\",\"service.environment\":\"prod\","
				+ "\"http.request.id\":\"req-9f2c\",\"order_id\":4921}"), LogFormat.JSON, Schema.ECS);

		assertThat(logs).withRequestId("req-9f2c").atLevel(Level.INFO).singleLine()
			.hasField("service.name", "checkout-api")
			.hasField("order_id", 4921)
			.satisfiesContract();
	}

	@Test
	void aLineNotStrictlyInItsFormatIsRejectedWithItsNumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CapturedLogs.read(List.of("{\"level\":\"INFO\",\"level\":\"WARN\"}"), LogFormat.JSON,
					Schema.FLUXTAIL))
			.withMessageStartingWith("Line 1: Not one JSON object");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CapturedLogs.read(List.of("level=INFO  logger=x"), LogFormat.LOGFMT, Schema.FLUXTAIL))
			.withMessageStartingWith("Line 1: Expected a key at 11");
	}

}
