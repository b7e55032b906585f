package io.fluxtail.benchmarks;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.fluxtail.logging.encoder.StackTraceSettings;
import io.fluxtail.logging.storm.StormFilter;
import io.fluxtail.logging.storm.StormSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One logging call through Logback to the Fluxtail JSON encoder (output discarded), with storm
 * control off and on, side by side: what the feature costs a line that is written. The limit is
 * unreachable, so every line is written and encoded in both variants; {@code exception} logs the
 * same prepared exception every time (its fingerprint is then read from the cache, as for a
 * throwable logged twice), so it measures the decision, not the hashing ({@link ErrorFingerprintBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StormControlBenchmark {

	/**
	 * {@code off}; {@code on}: every level checked; {@code defaults}: the starter's default
	 * {@code min-level} (WARN), under which an INFO line is let through before any key.
	 */
	@Param({ "off", "on", "defaults" })
	public String storm;

	@Param({ "normal", "exception" })
	public String line;

	private LoggerContext context;

	private Logger logger;

	private RuntimeException failure;

	private StormFilter filter;

	@Setup
	public void setUp() {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		Logger root = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		root.addAppender(StartedEncoders.jsonSink(this.context, OutputStream.nullOutputStream()));
		if (!this.storm.equals("off")) {
			this.filter = new StormFilter(new StormSettings(Integer.MAX_VALUE, Duration.ofSeconds(10), 2000,
					this.storm.equals("defaults") ? StormSettings.DEFAULT_MIN_LEVEL : Level.TRACE, null,
					StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES));
			this.filter.setContext(this.context);
			this.filter.start();
			this.context.addTurboFilter(this.filter);
		}
		this.logger = this.context.getLogger("io.fluxtail.sample.CheckoutController");
		this.failure = BenchmarkEvents.captureFailure();
	}

	@TearDown
	public void tearDown() {
		if (this.filter != null) {
			this.filter.stop();
		}
		this.context.stop();
	}

	@Benchmark
	public void log() {
		if (this.line.equals("normal")) {
			this.logger.info("order {} accepted for tenant {}", 4921, "acme-eu");
		}
		else {
			this.logger.error("payment capture failed", this.failure);
		}
	}

}
