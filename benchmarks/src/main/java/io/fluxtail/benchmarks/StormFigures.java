package io.fluxtail.benchmarks;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import io.fluxtail.logging.encoder.StackTraceSettings;
import io.fluxtail.logging.storm.StormFilter;
import io.fluxtail.logging.storm.StormSettings;
import org.slf4j.event.KeyValuePair;

/**
 * The storm of issue 24, measured: {@code threads} threads log the same ERROR with a new exception
 * from one place at {@code rate} lines per second in all for {@code seconds}, through storm control
 * with its default limits and the Fluxtail JSON encoder (output discarded); half way, one different
 * ERROR is logged. Prints lines logged, written, suppressed, the summary lines and what they
 * count, and whether the different error was written before its call returned.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.fluxtail.benchmarks.StormFigures [rate] [threads] [seconds]</pre>
 */
public final class StormFigures {

	private StormFigures() {
	}

	public static void main(String[] args) throws Exception {
		int rate = (args.length > 0) ? Integer.parseInt(args[0]) : 50_000;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 10;
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		root.addAppender(StartedEncoders.jsonSink(context, OutputStream.nullOutputStream()));
		Counting counting = new Counting();
		counting.setContext(context);
		counting.start();
		root.addAppender(counting);
		StormSettings settings = new StormSettings(StormSettings.DEFAULT_LIMIT, StormSettings.DEFAULT_WINDOW,
				StormSettings.DEFAULT_MAX_KEYS, null, StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES);
		StormFilter filter = new StormFilter(settings);
		filter.setContext(context);
		filter.start();
		context.addTurboFilter(filter);

		Logger log = context.getLogger("checkout.payments");
		long perThread = (long) rate * seconds / threads;
		long periodNanos = TimeUnit.SECONDS.toNanos(1) * threads / rate;
		CountDownLatch go = new CountDownLatch(1);
		LongAdder logged = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				long start = System.nanoTime();
				for (long i = 0; i < perThread; i++) {
					long due = start + i * periodNanos;
					long wait = due - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					log.error("payment gateway down", Gateway.call());
					logged.increment();
				}
			}, "storm-" + t);
			workers.add(worker);
			worker.start();
		}
		long started = System.nanoTime();
		go.countDown();
		Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) / 2);
		long before = counting.different.sum();
		long call = System.nanoTime();
		log.error("a different error during the storm", new IllegalArgumentException("bad request"));
		long returned = System.nanoTime();
		boolean differentWritten = counting.different.sum() == before + 1;
		for (Thread worker : workers) {
			worker.join();
		}
		long elapsed = System.nanoTime() - started;
		filter.stop();
		long total = logged.sum();
		long suppressed = filter.suppressedByLevel().get("ERROR");
		System.out.printf("storm: %d threads, target %d lines/s for %d s, achieved %.0f lines/s over %.2f s%n", threads,
				rate, seconds, total / (elapsed / 1e9), elapsed / 1e9);
		System.out.printf("limit %d per %s: logged %d, written %d, suppressed %d, written + suppressed %s logged%n",
				settings.limit(), settings.window(), total, counting.storm.sum(), suppressed,
				(counting.storm.sum() + suppressed == total) ? "==" : "!=");
		System.out.printf("summary lines %d, counting %d suppressed lines (%s)%n", counting.summaries.sum(),
				counting.summarized.sum(), (counting.summarized.sum() == suppressed) ? "exact" : "MISMATCH");
		System.out.printf("different ERROR during the storm: written %s, call took %d us%n", differentWritten,
				TimeUnit.NANOSECONDS.toMicros(returned - call));
		context.stop();
	}

	static final class Gateway {

		static RuntimeException call() {
			return new IllegalStateException("connection refused");
		}

	}

	static final class Counting extends AppenderBase<ILoggingEvent> {

		final LongAdder storm = new LongAdder();

		final LongAdder different = new LongAdder();

		final LongAdder summaries = new LongAdder();

		final LongAdder summarized = new LongAdder();

		@Override
		protected void append(ILoggingEvent event) {
			if (StormFilter.LOGGER_NAME.equals(event.getLoggerName())) {
				this.summaries.increment();
				for (KeyValuePair pair : event.getKeyValuePairs()) {
					if (pair.key.equals("storm_suppressed")) {
						this.summarized.add((Long) pair.value);
					}
				}
			}
			else if (event.getMessage().equals("payment gateway down")) {
				this.storm.increment();
			}
			else {
				this.different.increment();
			}
		}

	}

}
