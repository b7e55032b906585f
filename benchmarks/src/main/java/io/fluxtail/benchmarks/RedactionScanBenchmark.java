package io.fluxtail.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.Detectors;
import io.fluxtail.logging.redaction.RedactionListener;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.SensitiveKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The detection pass alone, on the text values of one normal production line (message, MDC
 * business ids, key/value strings), with the 16 detectors of the first release against every
 * built-in detector: the one-pass trigger scan must keep the cost flat as the set grows. None of
 * the values triggers a detector, so this is the scan and nothing else. Each operation takes the
 * next of {@value #LINES} copies of the line, other {@code String} objects with the same
 * characters, so the policy's memory of clean objects never answers in the scan's place.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedactionScanBenchmark {

	private static final Set<String> FIRST_RELEASE = Set.of("private_key", "url_password", "jwt", "aws_access_key",
			"google_api_key", "github_token", "gitlab_token", "stripe_key", "slack_token", "slack_webhook",
			"discord_webhook", "telegram_bot_token", "bearer", "basic_auth", "card", "email");

	private static final List<String> LINE = List.of(
			"order accepted for customer cus_Q1w2E3r4T5y6U7 with cart cart-7f3e9a12-items-3",
			"acme-eu-west-1", "ord-2026-000123456", "card_visa_debit", "eu-west-1/de-frankfurt",
			"io.fluxtail.sample.CheckoutController", "http-nio-8080-exec-7");

	private static final int LINES = 64;

	/** {@code first16}: the first release's detectors; {@code all}: every built-in one. */
	@Param({ "first16", "all" })
	public String detectors;

	private RedactionPolicy policy;

	private final String[][] lines = new String[LINES][];

	private int next;

	@Setup
	public void setUp() {
		List<Detector> chosen = Detectors.defaults()
			.stream()
			.filter((detector) -> this.detectors.equals("all") || FIRST_RELEASE.contains(detector.id()))
			.toList();
		if (this.detectors.equals("first16") && chosen.size() != 16) {
			throw new IllegalStateException("Expected 16 detectors, got " + chosen.size());
		}
		this.policy = RedactionPolicy.builder().detectors(chosen).keys(SensitiveKeys.of(List.of("password"))).build();
		for (int i = 0; i < LINES; i++) {
			this.lines[i] = LINE.stream().map(String::new).toArray(String[]::new);
			for (String value : this.lines[i]) {
				if (this.policy.redactText(value, RedactionListener.none()) != value) {
					throw new IllegalStateException("Not a clean value: " + value);
				}
			}
		}
	}

	@Benchmark
	public void scanNormalLine(Blackhole blackhole) {
		String[] line = this.lines[this.next];
		this.next = (this.next + 1) % LINES;
		for (String value : line) {
			blackhole.consume(this.policy.redactText(value, RedactionListener.none()));
		}
	}

}
