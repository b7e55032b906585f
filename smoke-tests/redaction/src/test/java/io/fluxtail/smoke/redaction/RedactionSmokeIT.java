package io.fluxtail.smoke.redaction;

import java.util.List;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.SmokeApp;
import io.fluxtail.smoke.SmokeHttp;
import io.fluxtail.smoke.redaction.Samples.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's real stdout, from the first startup line to the last shutdown line: no sample
 * credential survives in any position, each is named by its detector, and the application's own
 * detector (registered through {@code ServiceLoader}) applies before the context exists.
 */
class RedactionSmokeIT {

	private static final int POSITIONS = 8;

	@Test
	void noSampleCredentialReachesStdoutAndEachIsNamed() {
		try (SmokeApp app = SmokeApp.builder().start()) {
			SmokeHttp http = new SmokeHttp(app.port());
			assertThat(http.get("/leak").body()).isEqualTo("logged " + Samples.ALL.size());
			app.stop();
			List<String> stdout = app.stdout();
			LogLines.parseAll(stdout);
			String all = String.join("\n", stdout);

			for (Sample sample : Samples.ALL) {
				assertThat(all).as(sample.detector()).doesNotContain(sample.secret());
				assertThat(occurrences(all, "[REDACTED:" + sample.detector() + "]")).as(sample.detector())
					.isGreaterThanOrEqualTo(POSITIONS);
			}
			assertThat(all).doesNotContain(Samples.BADGE);
			assertThat(stdout).anyMatch((line) -> line.contains("context initializing for badge [REDACTED:badge]"));
		}
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
