package io.fluxtail.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.fluxtail.logging.debug.DebugFilter;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugSettings;
import io.fluxtail.logging.debug.DebugStats;
import io.fluxtail.logging.debug.UnitDebug;
import org.slf4j.spi.MDCAdapter;

/**
 * The figures of issue 22, measured through Logback and the Fluxtail JSON encoder:
 * <ol>
 * <li>bytes written for the same run of units of work (the handler of the cost target:
 * five DEBUG lines, then the completion line; one in {@code every} fails with an ERROR line before
 * its last DEBUG line) with DEBUG on for everyone,
 * with debug-on-error, and with neither, and the DEBUG lines written against those of the failed
 * units;</li>
 * <li>the heap the kept lines of running units hold when the global budget is full, against the
 * budget's estimate.</li>
 * </ol>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.fluxtail.benchmarks.DebugOnErrorFigures [units] [every]</pre>
 */
public final class DebugOnErrorFigures {

	private DebugOnErrorFigures() {
	}

	public static void main(String[] args) throws Exception {
		int units = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int every = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		long debugForAll = run(Mode.DEBUG_FOR_ALL, units, every);
		long onError = run(Mode.DEBUG_ON_ERROR, units, every);
		long infoOnly = run(Mode.INFO_ONLY, units, every);
		System.out.printf("%d units, 1 in %d failing: bytes with DEBUG for all %,d; debug-on-error %,d (%.1f%% fewer);"
				+ " INFO only %,d%n", units, every, debugForAll, onError, 100.0 * (debugForAll - onError) / debugForAll,
				infoOnly);
		heldWithTheBudgetFull();
	}

	private static long run(Mode mode, int units, int every) {
		LoggerContext context = context();
		CountingStream out = new CountingStream();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel((mode == Mode.DEBUG_FOR_ALL) ? Level.DEBUG : Level.INFO);
		root.addAppender(StartedEncoders.jsonSink(context, out));
		DebugLines lines = null;
		if (mode == Mode.DEBUG_ON_ERROR) {
			lines = lines(context, DebugSettings.DEFAULT_MAX_BYTES);
			DebugFilter filter = new DebugFilter();
			filter.setContext(context);
			filter.start();
			context.getTurboFilterList().add(0, filter);
		}
		Logger log = context.getLogger("checkout.orders");
		Logger completion = context.getLogger("io.fluxtail.request");
		MDCAdapter mdc = context.getMDCAdapter();
		for (int i = 0; i < units; i++) {
			fillMdc(mdc, i);
			UnitDebug unit = (lines != null) ? lines.open(null) : null;
			UnitDebug.putOnThread(unit);
			boolean fails = i % every == 0;
			logUnit(log, i, fails);
			if (unit != null) {
				unit.end(false);
			}
			UnitDebug.putOnThread(null);
			completion.atLevel(fails ? org.slf4j.event.Level.ERROR : org.slf4j.event.Level.INFO)
				.addKeyValue("http_status", fails ? 500 : 200)
				.log("request completed");
		}
		if (lines != null) {
			System.out.printf("debug-on-error: units flushed %d, DEBUG lines written %d (failed units x 5 = %d),"
					+ " dropped %d, left out %d%n", lines.stats().unitsFlushed(), lines.stats().linesFlushed(),
					5L * ((units + every - 1) / every), lines.stats().linesDiscarded(), lines.stats().linesLeftOut());
		}
		context.stop();
		return out.bytes.sum();
	}

	private static void logUnit(Logger log, int i, boolean fails) {
		String cart = "cart-" + i;
		UUID customer = new UUID(i, i * 31L);
		log.debug("loading cart {} for customer {}", cart, customer);
		log.debug("cart {} has {} items, subtotal {} cents", cart, 3 + (i % 5), 1_299L * (1 + (i % 7)));
		log.debug("tax rule {} applied to cart {}", "EU-VAT-" + (i % 27), cart);
		log.debug("payment provider {} chosen for customer {}", (i % 2 == 0) ? "stripe" : "adyen", customer);
		if (fails) {
			log.error("payment declined for cart {}", cart);
		}
		log.debug("cart {} priced in {} ms", cart, i % 40);
	}

	/**
	 * Opens units that each log the unit limit of lines and never end, until the global budget
	 * leaves lines out; then compares the heap they hold with the budget's estimate.
	 */
	private static void heldWithTheBudgetFull() {
		LoggerContext context = context();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
		DebugLines lines = lines(context, DebugSettings.DEFAULT_MAX_BYTES);
		DebugFilter filter = new DebugFilter();
		filter.setContext(context);
		filter.start();
		context.getTurboFilterList().add(0, filter);
		Logger log = context.getLogger("checkout.orders");
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long before = usedAfterGc(memory);
		java.util.List<UnitDebug> running = new java.util.ArrayList<>();
		int unitCount = 0;
		while (lines.stats().linesLeftOut() == 0) {
			fillMdc(context.getMDCAdapter(), unitCount);
			UnitDebug unit = lines.open(null);
			running.add(unit);
			UnitDebug.putOnThread(unit);
			for (int i = 0; i < 40; i++) {
				logUnit(log, unitCount * 40 + i, false);
			}
			UnitDebug.putOnThread(null);
			unitCount++;
		}
		long held = lines.bytesHeld();
		long after = usedAfterGc(memory);
		System.out.printf("budget %,d B full after %,d units: estimated %,d B held, heap grew %,d B (%.2fx the estimate);"
				+ " %d lines left out%n", DebugSettings.DEFAULT_MAX_BYTES, unitCount, held, after - before,
				(double) (after - before) / held, lines.stats().linesLeftOut());
		running.forEach((unit) -> unit.end(false));
		System.out.printf("after the units ended: %,d B held, heap %,d B above the start%n", lines.bytesHeld(),
				usedAfterGc(memory) - before);
		context.stop();
	}

	private static long usedAfterGc(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static LoggerContext context() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		return context;
	}

	private static DebugLines lines(LoggerContext context, long maxBytes) {
		return new DebugLines(new DebugSettings(Level.DEBUG, DebugSettings.DEFAULT_MAX_LINES_PER_UNIT,
				DebugSettings.DEFAULT_MAX_BYTES_PER_UNIT, maxBytes, null, false), new DebugStats(),
				context.getLogger(DebugLines.LOGGER_NAME));
	}

	private static void fillMdc(MDCAdapter mdc, int unit) {
		mdc.clear();
		mdc.put("request_id", "req-" + Integer.toHexString(unit) + "a1b2c3d4");
		mdc.put("tenant", "acme");
		mdc.put("user_id", "u-" + (unit % 977));
		mdc.put("region_hint", "eu-west-1");
		mdc.put("feature", "checkout-v2");
	}

	private enum Mode {

		DEBUG_FOR_ALL, DEBUG_ON_ERROR, INFO_ONLY

	}

	static final class CountingStream extends OutputStream {

		final LongAdder bytes = new LongAdder();

		@Override
		public void write(int b) {
			this.bytes.increment();
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes.add(len);
		}

	}

}
