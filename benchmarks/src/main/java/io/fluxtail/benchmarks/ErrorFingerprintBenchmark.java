package io.fluxtail.benchmarks;

import java.util.concurrent.TimeUnit;

import io.fluxtail.logging.encoder.StackTraceSettings;
import io.fluxtail.logging.fingerprint.ErrorFingerprints;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The fingerprint of a throwable seen for the first time (the benchmark's exception line: 70
 * frames over two throwables), and of one already hashed (a cache hit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ErrorFingerprintBenchmark {

	private final ErrorFingerprints fingerprints = new ErrorFingerprints(StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES);

	private StackTraceElement[] frames;

	private StackTraceElement[] causeFrames;

	private RuntimeException cached;

	@Setup
	public void setUp() {
		this.cached = BenchmarkEvents.captureFailure();
		this.frames = this.cached.getStackTrace();
		this.causeFrames = this.cached.getCause().getStackTrace();
		this.fingerprints.of(this.cached);
	}

	@Benchmark
	public String firstSight() {
		// a new throwable with the same frames, without paying for filling in a stack
		Preset cause = new Preset("Read timed out", null, this.causeFrames);
		return this.fingerprints.of(new Preset("Capture failed", cause, this.frames));
	}

	@Benchmark
	public String cacheHit() {
		return this.fingerprints.of(this.cached);
	}

	static final class Preset extends RuntimeException {

		Preset(String message, Throwable cause, StackTraceElement[] frames) {
			super(message, cause, false, true);
			setStackTrace(frames);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
