package io.fluxtail.ingest;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.fluxtail.benchmarks.StartedEncoders;
import io.fluxtail.logging.output.OutputSettings;
import io.fluxtail.logging.output.QueuedAppender;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How many items per second a queue's worker drains: each invocation hands {@link #BURST} items to
 * the queue as fast as the caller can and returns once the worker has handed every one on. Scores
 * are items per second, end to end. {@code output}: log events through the output queue, encoded
 * as JSON by a real Fluxtail encoder and written to a discarding stream; {@code ingest}: encoded
 * console lines whose shipped copies go to a transport that accepts at once.
 *
 * <p>
 * Uses only constructors that exist before and after the one-worker change, so that one source
 * builds both jars and {@code benchmarks/batch-worker/run.sh} runs them side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchWorkerThroughputBenchmark {

	/** Items per invocation: eight ingest batches of 512, half the output queue. */
	static final int BURST = 4096;

	/** Longest wait for one burst to drain; a slower worker fails the run instead of hanging it. */
	private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

	@Param({ "output", "ingest" })
	public String worker;

	private final CountingStream lines = new CountingStream();

	private volatile long shipped;

	private LoggerContext context;

	private Logger logger;

	private QueuedAppender queue;

	private IngestEvents events;

	private FluxtailIngest ingest;

	private long expected;

	@Setup
	public void setUp() {
		if (this.worker.equals("output")) {
			this.context = new LoggerContext();
			this.context.setMDCAdapter(new LogbackMDCAdapter());
			this.context.getMDCAdapter().put("request_id", "req-9f2c4e1a7b3d");
			this.context.getMDCAdapter().put("tenant", "acme-eu");
			this.logger = this.context.getLogger("io.fluxtail.sample.CheckoutController");
			this.logger.setAdditive(false);
			this.queue = new QueuedAppender(new OutputSettings(2 * BURST, Duration.ofMillis(100), Duration.ofSeconds(5)));
			this.queue.setContext(this.context);
			this.queue.addAppender(StartedEncoders.jsonSink(this.context, this.lines));
			this.queue.start();
			this.logger.addAppender(this.queue);
		}
		else {
			this.events = new IngestEvents();
			this.ingest = IngestEvents.ship(this.events.encoder, this::accept, 512);
		}
	}

	private Transport.Outcome accept(Collection<LogRecordData> batch) {
		this.shipped += batch.size();
		return Transport.Outcome.SENT;
	}

	@TearDown
	public void tearDown() {
		if (this.queue != null) {
			this.context.stop();
		}
		if (this.ingest != null) {
			this.ingest.stop();
		}
	}

	@Benchmark
	@OperationsPerInvocation(BURST)
	public long drainBurst() {
		this.expected += BURST;
		if (this.queue != null) {
			for (int i = 0; i < BURST; i++) {
				this.logger.atInfo().addKeyValue("order_id", 4921L).addKeyValue("customer_tier", "gold").log(
						"order {} accepted for tenant {}", i, "acme-eu");
			}
			return awaitDrained(() -> this.lines.count);
		}
		for (int i = 0; i < BURST; i++) {
			this.events.encodeNext();
		}
		return awaitDrained(() -> this.shipped);
	}

	private long awaitDrained(LongSupplier handedOn) {
		long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
		long count;
		while ((count = handedOn.getAsLong()) < this.expected) {
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("drained " + count + " of " + this.expected);
			}
			Thread.onSpinWait();
		}
		return count;
	}

	/**
	 * Discards the lines and counts them: the appender writes each encoded line with one call.
	 */
	static final class CountingStream extends OutputStream {

		volatile long count;

		@Override
		public void write(int b) {
			throw new UnsupportedOperationException("lines are written whole");
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count++;
		}

	}

}
