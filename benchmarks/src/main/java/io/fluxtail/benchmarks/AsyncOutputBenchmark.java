package io.fluxtail.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.fluxtail.logging.output.OutputSettings;
import io.fluxtail.logging.output.QueuedAppender;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What one logging call costs the calling thread when output is asynchronous: the whole
 * {@code logger.atInfo()...log(..)} call (level check, event, five MDC entries, two message
 * arguments, three key/value pairs, the appender's hand-over), with a real Fluxtail JSON encoder
 * writing behind the queue to a discarding stream. Run with {@code -t 1} and {@code -t 4}.
 *
 * <p>
 * Each call is followed, outside the measured time, by some work of the caller's own
 * ({@link #pace}), so that the queue is drained as in a service that does more than log, rather
 * than measuring what each appender does when it is full. Bytes allocated by the calling thread
 * per call are printed at the end of each trial ("caller bytes/event").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AsyncOutputBenchmark {

	/**
	 * {@code fluxtail}: {@link QueuedAppender}; {@code logback}: Logback's {@link AsyncAppender}
	 * (defaults); {@code lle}: logstash-logback-encoder's
	 * {@link LoggingEventAsyncDisruptorAppender} (defaults).
	 */
	@Param({ "fluxtail", "logback", "lle" })
	public String appender;

	/**
	 * {@code scalars}: the three key/value pairs are numbers and a string, kept as they are;
	 * {@code objects}: a fourth pair holds a new map with a list, which Fluxtail renders on the
	 * caller's thread so that the line is what was logged at the call.
	 */
	@Param({ "scalars", "objects" })
	public String values;

	/** Work of the caller's own between two log calls, in {@link Blackhole#consumeCPU} tokens. */
	@Param({ "2000" })
	public int pace;

	private LoggerContext context;

	private Logger logger;

	private final AtomicLong callerBytes = new AtomicLong();

	private final AtomicLong calls = new AtomicLong();

	@Setup
	public void setUp() {
		this.context = new LoggerContext();
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.logger = this.context.getLogger("io.fluxtail.sample.CheckoutController");
		this.logger.setLevel(ch.qos.logback.classic.Level.INFO);
		this.logger.setAdditive(false);
		this.logger.addAppender(queue(StartedEncoders.jsonSink(this.context, OutputStream.nullOutputStream())));
	}

	@TearDown
	public void tearDown() {
		System.out.printf("%n%s %s caller bytes/event: %.1f%n", this.appender, this.values,
				(double) this.callerBytes.get() / Math.max(1, this.calls.get()));
		this.context.stop();
	}

	private Appender<ILoggingEvent> queue(OutputStreamAppender<ILoggingEvent> sink) {
		Appender<ILoggingEvent> queue = switch (this.appender) {
			case "fluxtail" -> {
				QueuedAppender fluxtail = new QueuedAppender(
						new OutputSettings(8192, Duration.ofMillis(100), Duration.ofSeconds(5)));
				fluxtail.addAppender(sink);
				yield fluxtail;
			}
			case "logback" -> {
				AsyncAppender logback = new AsyncAppender();
				logback.addAppender(sink);
				yield logback;
			}
			case "lle" -> {
				LoggingEventAsyncDisruptorAppender lle = new LoggingEventAsyncDisruptorAppender();
				lle.addAppender(sink);
				yield lle;
			}
			default -> throw new IllegalArgumentException(this.appender);
		};
		queue.setContext(this.context);
		queue.setName("QUEUE");
		queue.start();
		return queue;
	}

	@Benchmark
	public void logOneEvent(Caller caller) {
		LoggingEventBuilder event = this.logger.atInfo()
			.addKeyValue("order_id", 4921L)
			.addKeyValue("total_cents", 12999L)
			.addKeyValue("customer_tier", "gold");
		if (this.values.equals("objects")) {
			event = event.addKeyValue("line_item",
					Map.of("sku", "sku-1", "qty", 2, "options", List.of("gift-wrap", "express")));
		}
		event.log("order {} accepted for tenant {}", 4921, "acme-eu");
	}

	/**
	 * One logging thread: its MDC, its own work between calls, and the bytes it allocates.
	 */
	@State(Scope.Thread)
	public static class Caller {

		private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();

		private long allocatedAtStart;

		private long calls;

		@Setup(Level.Trial)
		public void setUp(AsyncOutputBenchmark benchmark) {
			var mdc = benchmark.context.getMDCAdapter();
			mdc.put("request_id", "req-9f2c4e1a7b3d");
			mdc.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
			mdc.put("spanId", "00f067aa0ba902b7");
			mdc.put("tenant", "acme-eu");
			mdc.put("user_id", "u-1042");
			this.allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
		}

		/** The caller's own work, outside the measured time. */
		@Setup(Level.Invocation)
		public void work(AsyncOutputBenchmark benchmark) {
			this.calls++;
			Blackhole.consumeCPU(benchmark.pace);
		}

		@TearDown(Level.Trial)
		public void tearDown(AsyncOutputBenchmark benchmark) {
			benchmark.callerBytes.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - this.allocatedAtStart);
			benchmark.calls.addAndGet(this.calls);
		}

	}

}
