package io.fluxtail.test;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The extension without Spring: the lines of one test method, from every thread, encoded by the
 * starter's encoder (here with the default contract, as no Fluxtail encoder is installed).
 */
@ExtendWith(LogCaptureExtension.class)
class LogCaptureExtensionTests {

	private static final Logger log = LoggerFactory.getLogger("orders");

	@Test
	void linesOfEveryThreadAreCapturedInOrderWithTypedFields(CapturedLogs logs) {
		log.atInfo().addKeyValue("order_id", 4921).addKeyValue("express", true).log("order accepted");
		CompletableFuture.runAsync(() -> log.atWarn().addKeyValue("attempts", 3).log("payment retried")).join();

		assertThat(logs).hasLineCount(2).containsMessagesInOrder("order accepted", "payment retried");
		assertThat(logs).withMessage("order accepted").singleLine().hasField("order_id", 4921).hasField("express", true);
		assertThat(logs).atLevel(Level.WARN).singleLine().hasField("attempts", 3);
		assertThat(logs).noLineAbove(Level.WARN).satisfiesContract().containsNoSecrets();
	}

	@Test
	void eachTestSeesOnlyItsOwnLines(CapturedLogs logs) {
		log.info("a line of its own");

		assertThat(logs).singleLine().hasMessage("a line of its own");
	}

	@Test
	void aSecretTheEncoderRedactsIsStillReportedWithItsDetectorAndField(CapturedLogs logs) {
		String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
		log.atInfo().addKeyValue("customer_note", "token " + token).log("profile updated");

		assertThat(logs).singleLine().hasField("customer_note", "token [REDACTED:github_token]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(logs).containsNoSecrets())
			.withMessageContaining("field \"customer_note\" holds what detector \"github_token\" finds")
			.withMessageNotContaining(token);
	}

}
