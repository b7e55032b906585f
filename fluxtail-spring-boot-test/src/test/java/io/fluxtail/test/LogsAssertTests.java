package io.fluxtail.test;

import java.util.List;

import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.encoder.LogFormat;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the assertions accept, and what their failure messages say: which line, which field, and
 * how it differs.
 */
class LogsAssertTests {

	private static final String ACCEPTED = """
			{"timestamp":"2026-11-28T15:36:01.522Z","level":"INFO","logger":"checkout.api","thread":"http-1","message":"order accepted","service":"checkout-api","env":"prod","request_id":"req-9f2c","order_id":4921,"total_cents":"12999"}""";

	private static final String FAILED = """
			{"timestamp":"2026-11-28T15:36:02.100Z","level":"ERROR","logger":"checkout.api","thread":"http-2","message":"payment capture failed","service":"checkout-api","env":"prod","request_id":"req-77aa","order_id":4921}""";

	private static final String STARTUP = """
			{"timestamp":"2026-11-28T15:36:00.001Z","level":"INFO","logger":"boot","thread":"main","message":"Started","service":"checkout-api","env":"","request_id":"-"}""";

	private final CapturedLogs logs = CapturedLogs.read(List.of(STARTUP, ACCEPTED, FAILED), LogFormat.JSON,
			Schema.FLUXTAIL);

	@Test
	void aFieldIsFoundWithItsValueAndJsonType() {
		assertThat(this.logs).withMessage("order accepted")
			.singleLine()
			.hasLevel(Level.INFO)
			.hasLogger("checkout.api")
			.hasRequestId("req-9f2c")
			.hasField("order_id", 4921)
			.hasField("order_id", 4921L)
			.hasField("total_cents", "12999")
			.doesNotHaveField("card");
		assertThat(this.logs).withField("order_id", 4921).hasLineCount(2);
		assertThat(this.logs).withRequestId("req-77aa").atLevel(Level.ERROR).withLogger("checkout.api").hasLineCount(1);
	}

	@Test
	void aFieldOfAnotherJsonTypeFailsNamingTheLineTheFieldAndBothTypes() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.logs).withMessage("order accepted").singleLine().hasField("total_cents", 12999))
			.withMessage("Expected line 2 [INFO checkout.api \"order accepted\"] to have field \"total_cents\" = "
					+ "12999 (a number), but it is \"12999\" (a string)");
	}

	@Test
	void aMissingFieldFailsListingTheFieldsTheLineHas() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.logs).withMessage("payment capture failed").singleLine().hasField("attempts"))
			.withMessage("Expected line 3 [ERROR checkout.api \"payment capture failed\"] to have field \"attempts\", "
					+ "but it has no such field; its fields: [timestamp, level, logger, thread, message, service, env, "
					+ "request_id, order_id]");
	}

	@Test
	void noMatchingLineFailsShowingTheLinesThatWereWritten() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.logs).withMessage("order rejected").singleLine())
			.withMessageContaining("Expected exactly one of the lines with message \"order rejected\", but found 0; "
					+ "the captured lines are:")
			.withMessageContaining("line 2 [INFO checkout.api \"order accepted\"]");
	}

	@Test
	void aLineAboveTheLevelFailsNamingIt() {
		assertThat(this.logs).withLogger("boot").noLineAbove(Level.INFO);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.logs).noLineAbove(Level.WARN))
			.withMessage(("Expected no line of the captured lines above WARN, but found 1:%n"
					+ "  line 3 [ERROR checkout.api \"payment capture failed\"]").formatted());
	}

	@Test
	void countsAndOrderAreChecked() {
		assertThat(this.logs).hasLineCount(3).containsMessagesInOrder("Started", "payment capture failed");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.logs).containsMessagesInOrder("payment capture failed", "order accepted"))
			.withMessageStartingWith("Expected the captured lines to hold the messages [payment capture failed, "
					+ "order accepted] in this order, but after \"payment capture failed\" (line 3 [ERROR checkout.api "
					+ "\"payment capture failed\"]) comes no line \"order accepted\" (it was written earlier)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.logs).withLogger("checkout.api").hasLineCount(1))
			.withMessageStartingWith("Expected 1 of the lines of logger checkout.api, but found 2:");
	}

	@Test
	void theContractNamesEachRequiredFieldThatIsEmptyOrMissing() {
		assertThat(this.logs).withLogger("checkout.api").satisfiesContract();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(this.logs).satisfiesContract())
			.withMessage(("Expected every one of the captured lines to satisfy the contract, but:%n"
					+ "  line 1 [INFO boot \"Started\"]: required field \"env\" is \"\" (a string)").formatted());
	}

	@Test
	void aSecretFailsNamingTheDetectorAndTheFieldButNeverTheSecret() {
		String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
		CapturedLogs leaked = CapturedLogs.read(List.of(ACCEPTED.replace("\"req-9f2c\"", "\"req-9f2c\",\"note\":\"use "
				+ token + "\",\"password\":\"hunter2\"")), LogFormat.JSON, Schema.FLUXTAIL);

		assertThat(this.logs).containsNoSecrets();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(leaked).containsNoSecrets())
			.withMessage(("Expected no secret in the captured lines, but:%n"
					+ "  line 1 [INFO checkout.api]: field \"note\" holds what detector \"github_token\" finds "
					+ "(40 characters at 4)%n"
					+ "  line 1 [INFO checkout.api]: field \"password\" is named like a secret (the key rule), and its "
					+ "value has 7 characters").formatted())
			.withMessageNotContaining(token)
			.withMessageNotContaining("hunter2");
	}

}
