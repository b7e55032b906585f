package io.fluxtail.logging.redaction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackTraceRedactorTests {

	private final RedactionPolicy policy = RedactionPolicy.defaults();

	private final StackTraceRedactor redactor = new StackTraceRedactor(this.policy::redactText);

	@Test
	void messagesOfTheExceptionAndItsCausesAreRedactedAndFramesKept() {
		String trace = """
				java.lang.IllegalStateException: login failed for jane@example.com
				\tat com.acme.Login.check(Login.java:42)
				\tat com.acme.Login.run(Login.java:12) ~[acme.jar:1.0]
				\t... 3 frames excluded
				Caused by: java.io.IOException: upstream said password=hunter2
				second line of the message with token ghp_0123456789abcdefghijklmnopqrstuvwxyz
				\tat com.acme.Http.call(Http.java:7)
				\t... 5 common frames omitted""";
		assertThat(this.redactor.redact(trace, RedactionListener.none())).isEqualTo("""
				java.lang.IllegalStateException: login failed for [REDACTED:email]
				\tat com.acme.Login.check(Login.java:42)
				\tat com.acme.Login.run(Login.java:12) ~[acme.jar:1.0]
				\t... 3 frames excluded
				Caused by: java.io.IOException: upstream said password=[REDACTED:sensitive_key]
				second line of the message with token [REDACTED:github_token]
				\tat com.acme.Http.call(Http.java:7)
				\t... 5 common frames omitted""");
	}

	@Test
	void aPrivateKeySpanningMessageLinesIsRedactedWhole() {
		String trace = "java.lang.IllegalStateException: bad key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nkqhkiG9w0BAQ\n"
				+ "-----END PRIVATE KEY-----\n\tat com.acme.Keys.load(Keys.java:3)";
		assertThat(this.redactor.redact(trace, RedactionListener.none())).isEqualTo(
				"java.lang.IllegalStateException: bad key [REDACTED:private_key]\n\tat com.acme.Keys.load(Keys.java:3)");
	}

	@Test
	void aLineThatOnlyLooksLikeAFrameIsStillScanned() {
		assertThat(List.of("\tat the gate: password=hunter2", "\tat com.acme.X.y(X.java:1) password=hunter2"))
			.allSatisfy((line) -> assertThat(StackTraceRedactor.isFrame(line, 0, line.length())).isFalse());
		String clean = "java.lang.IllegalStateException: boom\n\tat com.acme.X.y(X.java:1)";
		assertThat(this.redactor.redact(clean, RedactionListener.none())).isSameAs(clean);
	}

}
