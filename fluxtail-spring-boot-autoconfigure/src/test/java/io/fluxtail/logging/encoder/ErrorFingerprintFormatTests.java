package io.fluxtail.logging.encoder;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.lines.LogfmtParser.Pair;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.fingerprint.ErrorFingerprints;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format and schema writes the exception's fingerprint, and only on lines with an exception.
 */
class ErrorFingerprintFormatTests {

	private final TestEvents events = new TestEvents();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final IllegalStateException failure = new IllegalStateException("capture failed");

	private final String fingerprint = new ErrorFingerprints(StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES)
		.of(this.failure);

	@Test
	void jsonCarriesTheFingerprintNextToTheType() {
		String line = encode(LogFormat.JSON, FieldContract.builder().build(), true);
		assertThat(this.mapper.readTree(line).get(CoreFields.ERROR_FINGERPRINT).asString()).isEqualTo(this.fingerprint);
		assertThat(line).containsSubsequence("\"error_type\"", "\"error_fingerprint\"", "\"error_message\"");
	}

	@Test
	void ecsWritesItAsErrorId() {
		String line = encode(LogFormat.JSON, FieldContract.builder().schema(Schema.ECS).build(), true);
		assertThat(this.mapper.readTree(line).get("error.id").asString()).isEqualTo(this.fingerprint);
	}

	@Test
	void logfmtAndTextCarryIt() {
		List<Pair> pairs = LogfmtFormatTests.parse(encode(LogFormat.LOGFMT, FieldContract.builder().build(), true));
		assertThat(LogfmtFormatTests.pair(pairs, CoreFields.ERROR_FINGERPRINT).value()).isEqualTo(this.fingerprint);
		assertThat(encode(LogFormat.TEXT, FieldContract.builder().build(), true))
			.contains(" error_fingerprint=" + this.fingerprint);
	}

	@Test
	void aLineWithoutExceptionHasNone() {
		assertThat(encode(LogFormat.JSON, FieldContract.builder().build(), false))
			.doesNotContain(CoreFields.ERROR_FINGERPRINT);
	}

	@Test
	void anExceptionWithoutMessageAndTenThousandFramesIsWrittenWithItsFingerprint() {
		IllegalStateException deep = new IllegalStateException((String) null);
		StackTraceElement[] frames = new StackTraceElement[10_000];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = new StackTraceElement("shop.Tree", "walk", "Tree.java", i);
		}
		deep.setStackTrace(frames);
		LoggingEvent event = this.events.event("checkout.api", Level.ERROR, null, deep);
		String line = TestEvents.encode(this.events.encoder(LogFormat.JSON, FieldContract.builder().build(),
				new ContractStats()), event);
		assertThat(this.mapper.readTree(line).get(CoreFields.ERROR_FINGERPRINT).asString()).matches("[0-9a-f]{16}");
		assertThat(this.mapper.readTree(line).has(FluxtailEncoder.ENCODER_ERROR)).isFalse();
	}

	private String encode(LogFormat format, FieldContract contract, boolean withException) {
		LoggingEvent event = withException
				? this.events.event("checkout.api", Level.ERROR, "payment capture failed", this.failure)
				: this.events.event("checkout.api", Level.INFO, "order accepted");
		return TestEvents.encode(this.events.encoder(format, contract, new ContractStats()), event);
	}

}
