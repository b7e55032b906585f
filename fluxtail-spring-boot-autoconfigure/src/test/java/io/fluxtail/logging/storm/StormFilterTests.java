package io.fluxtail.logging.storm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import io.fluxtail.logging.encoder.StackTraceSettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

class StormFilterTests {

	private final LoggerContext context = new LoggerContext();

	private final AtomicLong now = new AtomicLong(1_765_000_000_000L);

	private final CountingAppender appender = new CountingAppender();

	private @Nullable StormFilter filter;

	StormFilterTests() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.appender.setContext(this.context);
		this.appender.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
	}

	@AfterEach
	void stop() {
		if (this.filter != null) {
			this.filter.stop();
		}
		this.context.stop();
	}

	@Test
	void linesBeyondTheLimitAreSuppressedAndOneSummaryCountsThemWhenTheWindowCloses() {
		StormFilter filter = install(100, Duration.ofSeconds(10), 100, null, true);
		Logger log = this.context.getLogger("shop.Checkout");
		for (int i = 0; i < 150; i++) {
			log.warn("payment gateway slow for order {}", i);
		}
		assertThat(this.appender.lines("payment gateway slow for order {}")).isEqualTo(100);
		assertThat(filter.throttled(10)).singleElement().satisfies((throttled) -> {
			assertThat(throttled.suppressed()).isEqualTo(50);
			assertThat(throttled.key()).isEqualTo("payment gateway slow for order {}");
			assertThat(throttled.level()).isEqualTo("WARN");
		});
		this.now.addAndGet(10_000);
		log.warn("payment gateway slow for order {}", 151);
		assertThat(this.appender.summaries).singleElement().satisfies((summary) -> {
			assertThat(summary.getLevel()).isEqualTo(Level.WARN);
			assertThat(summary.getLoggerName()).isEqualTo(StormFilter.LOGGER_NAME);
			assertThat(summary.getFormattedMessage())
				.isEqualTo("Storm control suppressed 50 WARN lines of shop.Checkout: payment gateway slow for order {}");
			Map<String, Object> fields = fields(summary);
			assertThat(fields).containsEntry("storm_kind", "message")
				.containsEntry("storm_key", "payment gateway slow for order {}")
				.containsEntry("storm_logger", "shop.Checkout")
				.containsEntry("storm_suppressed", 50L)
				.containsEntry("storm_written", 100L)
				.containsEntry("storm_first", "2025-12-06T05:46:40.000Z")
				.containsEntry("storm_last", "2025-12-06T05:46:40.000Z");
			assertThat(summary.getMDCPropertyMap()).isEmpty();
		});
		assertThat(this.appender.lines("payment gateway slow for order {}")).isEqualTo(101);
		assertThat(filter.suppressedByLevel()).containsEntry("WARN", 50L);
		assertThat(filter.loggedByLevel()).containsEntry("WARN", 151L);
	}

	@Test
	void linesWithAnExceptionAreKeyedByItsFingerprintWhateverTheLoggerAndMessage() {
		StormFilter filter = install(2, Duration.ofSeconds(10), 100, null, true);
		for (int i = 0; i < 5; i++) {
			this.context.getLogger("shop.A").error("charge failed for " + i, Failures.gatewayDown());
			this.context.getLogger("shop.B").error("retry {} failed", i, Failures.gatewayDown());
		}
		this.context.getLogger("shop.A").error("a different defect", Failures.badInput());
		assertThat(this.appender.withThrowable.sum()).isEqualTo(3);
		filter.stop();
		assertThat(this.appender.summaries).singleElement()
			.satisfies((summary) -> assertThat(fields(summary)).containsEntry("storm_kind", "exception")
				.containsEntry("storm_suppressed", 8L)
				.containsEntry("storm_logger", "shop.A"));
	}

	@Test
	void theStartersOwnLinesAndLevelsAboveTheConfiguredOneAreNeverSuppressed() {
		StormFilter filter = install(0, Duration.ofSeconds(10), 100, Level.WARN, true);
		for (String logger : List.of("io.fluxtail.request", "io.fluxtail.job", "io.fluxtail.kafka.listener",
				"io.fluxtail.output", "io.fluxtail.ingest")) {
			this.context.getLogger(logger).info("request completed");
		}
		this.context.getLogger("shop.Checkout").error("always written");
		this.context.getLogger("io.fluxtail.requests").info("not the starter's");
		this.context.getLogger("shop.Checkout").warn("suppressed at limit 0");
		assertThat(this.appender.lines("request completed")).isEqualTo(5);
		assertThat(this.appender.lines("always written")).isEqualTo(1);
		assertThat(this.appender.lines("not the starter's")).isZero();
		assertThat(this.appender.lines("suppressed at limit 0")).isZero();
		assertThat(filter.decide(null, this.context.getLogger(StormFilter.LOGGER_NAME), Level.INFO, "summary", null,
				null)).isEqualTo(FilterReply.NEUTRAL);
		assertThat(filter.suppressedByLevel()).containsEntry("INFO", 1L).containsEntry("WARN", 1L);
	}

	@Test
	void linesBelowTheLoggersLevelAndLevelChecksAreNotCounted() {
		StormFilter filter = install(1, Duration.ofSeconds(10), 100, null, true);
		Logger log = this.context.getLogger("shop.Checkout");
		for (int i = 0; i < 10; i++) {
			log.debug("below the level");
			assertThat(log.isInfoEnabled()).isTrue();
		}
		assertThat(filter.loggedByLevel().values()).allMatch((count) -> count == 0);
	}

	@Test
	void beyondTheBoundTheLeastRecentKeysAreFlushedIntoTheirSummariesFirst() {
		StormFilter filter = install(1, Duration.ofSeconds(10), 10, null, true);
		Logger log = this.context.getLogger("shop.Checkout");
		for (int key = 0; key < 100; key++) {
			this.now.incrementAndGet();
			log.info("key " + key);
			log.info("key " + key);
		}
		assertThat(filter.trackedKeys()).isLessThanOrEqualTo(10);
		assertThat(this.appender.summaries).isNotEmpty();
		assertThat(fields(this.appender.summaries.get(0))).containsEntry("storm_key", "key 0");
		filter.stop();
		assertThat(this.appender.summaries).hasSize(100);
		assertThat(this.appender.suppressedInSummaries.sum()).isEqualTo(100);
	}

	@Test
	void aWindowThatEndsWithoutFurtherLinesIsSummarizedByTheSweeper() throws Exception {
		this.filter = new StormFilter(new StormSettings(1, Duration.ofMillis(100), 100, null,
				StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES));
		this.filter.setContext(this.context);
		this.filter.start();
		this.context.addTurboFilter(this.filter);
		Logger log = this.context.getLogger("shop.Checkout");
		for (int i = 0; i < 5; i++) {
			log.error("disk full");
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.appender.summaries.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.appender.summaries).singleElement()
			.satisfies((summary) -> assertThat(fields(summary)).containsEntry("storm_suppressed", 4L));
		assertThat(this.filter.trackedKeys()).isZero();
	}

	@Test
	void writtenPlusSuppressedEqualsLoggedPerKeyAndInTotalUnderEightThreads() throws Exception {
		this.filter = new StormFilter(new StormSettings(500, Duration.ofMillis(20), 4, null,
				StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES));
		this.filter.setContext(this.context);
		this.filter.start();
		this.context.addTurboFilter(this.filter);
		int threads = 8;
		int perThread = 25_000;
		List<String> templates = List.of("storm one {}", "storm two {}", "storm three {}", "storm four {}",
				"storm five {}", "storm six {}");
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		Map<String, LongAdder> logged = new ConcurrentHashMap<>();
		List<Future<?>> runs = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			runs.add(pool.submit(() -> {
				start.await();
				Logger log = this.context.getLogger("shop.Storm");
				for (int i = 0; i < perThread; i++) {
					String template = templates.get((i + thread) % templates.size());
					if (i % 1000 == 999) {
						log.error(template, i, Failures.gatewayDown());
						logged.computeIfAbsent("exception", (k) -> new LongAdder()).increment();
					}
					else {
						log.warn(template, i);
						logged.computeIfAbsent(template, (k) -> new LongAdder()).increment();
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> run : runs) {
			run.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();
		this.filter.stop();
		long total = (long) threads * perThread;
		assertThat(this.appender.written.sum() + this.appender.suppressedInSummaries.sum()).isEqualTo(total);
		for (String template : templates) {
			assertThat(this.appender.lines(template) + this.appender.suppressedOf(template)).as(template)
				.isEqualTo(logged.get(template).sum());
		}
		assertThat(this.appender.withThrowable.sum() + this.appender.suppressedOf("exception"))
			.isEqualTo(logged.get("exception").sum());
		Map<String, Long> suppressed = this.filter.suppressedByLevel();
		Map<String, Long> written = this.filter.writtenByLevel();
		assertThat(suppressed.get("WARN") + suppressed.get("ERROR")).isEqualTo(this.appender.suppressedInSummaries.sum());
		assertThat(written.get("WARN") + written.get("ERROR")).isEqualTo(this.appender.written.sum());
		assertThat(this.appender.suppressedInSummaries.sum()).isPositive();
	}

	@Test
	void manyKeysStayBoundedAndExact() {
		StormFilter filter = install(1, Duration.ofSeconds(10), 1000, null, true);
		Logger log = this.context.getLogger("shop.Checkout");
		for (int i = 0; i < 100_000; i++) {
			this.now.incrementAndGet();
			log.info("dynamic message " + (i % 20_000));
		}
		assertThat(filter.trackedKeys()).isLessThanOrEqualTo(1000);
		filter.stop();
		assertThat(this.appender.written.sum() + this.appender.suppressedInSummaries.sum()).isEqualTo(100_000);
	}

	@Test
	void aDecisionThatCannotBeTakenLetsTheLineThroughAndNeverThrows() {
		StormFilter filter = install(0, Duration.ofSeconds(10), 100, null, true);
		Logger log = this.context.getLogger("shop.Checkout");
		Throwable broken = new IllegalStateException() {
			@Override
			public StackTraceElement[] getStackTrace() {
				throw new UnsupportedOperationException();
			}

			@Override
			public synchronized Throwable getCause() {
				return this;
			}
		};
		assertThat(filter.decide(null, log, Level.ERROR, "broken", null, broken)).isEqualTo(FilterReply.DENY);
		assertThat(filter.decide(null, log, Level.ERROR, null, null, null)).as("a level check")
			.isEqualTo(FilterReply.NEUTRAL);
		assertThat(filter.decide(null, log, Level.ERROR, null, null, new IllegalStateException((String) null)))
			.as("no message, an exception").isEqualTo(FilterReply.DENY);
		assertThat(filter.decide(null, log, Level.ERROR, null, new Object[] { null }, null))
			.isEqualTo(FilterReply.NEUTRAL);
		assertThat(filter.decide(null, null, Level.ERROR, "x", null, null)).isEqualTo(FilterReply.NEUTRAL);
		StormFilter brokenClock = new StormFilter(
				new StormSettings(0, Duration.ofSeconds(1), 10, null, List.of()), () -> {
					throw new IllegalStateException("clock");
				});
		brokenClock.setContext(this.context);
		brokenClock.start();
		try {
			assertThat(brokenClock.decide(null, log, Level.ERROR, "x", null, null)).isEqualTo(FilterReply.NEUTRAL);
		}
		finally {
			brokenClock.stop();
		}
	}

	private StormFilter install(int limit, Duration window, int maxKeys, @Nullable Level neverAbove,
			boolean manualClock) {
		StormFilter filter = new StormFilter(
				new StormSettings(limit, window, maxKeys, neverAbove, StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES),
				manualClock ? this.now::get : System::currentTimeMillis);
		filter.setContext(this.context);
		filter.start();
		this.context.addTurboFilter(filter);
		this.filter = filter;
		return filter;
	}

	private static Map<String, Object> fields(ILoggingEvent event) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		for (KeyValuePair pair : event.getKeyValuePairs()) {
			fields.put(pair.key, pair.value);
		}
		return fields;
	}

	static final class Failures {

		static Throwable gatewayDown() {
			return new IllegalStateException("gateway down");
		}

		static Throwable badInput() {
			return new IllegalArgumentException("bad input");
		}

	}

	/**
	 * Counts lines by template and summaries by key, without keeping a storm's lines.
	 */
	static final class CountingAppender extends AppenderBase<ILoggingEvent> {

		final List<ILoggingEvent> summaries = java.util.Collections.synchronizedList(new ArrayList<>());

		final Map<String, LongAdder> byTemplate = new ConcurrentHashMap<>();

		final Map<String, LongAdder> suppressedByKey = new ConcurrentHashMap<>();

		final LongAdder written = new LongAdder();

		final LongAdder withThrowable = new LongAdder();

		final LongAdder suppressedInSummaries = new LongAdder();

		@Override
		protected void append(ILoggingEvent event) {
			if (StormFilter.LOGGER_NAME.equals(event.getLoggerName())) {
				this.summaries.add(event);
				Map<String, Object> fields = fields(event);
				long count = (Long) fields.get("storm_suppressed");
				this.suppressedInSummaries.add(count);
				String key = "exception".equals(fields.get("storm_kind")) ? "exception" : (String) fields.get("storm_key");
				this.suppressedByKey.computeIfAbsent(key, (k) -> new LongAdder()).add(count);
				return;
			}
			this.written.increment();
			if (event.getThrowableProxy() != null) {
				this.withThrowable.increment();
			}
			else {
				this.byTemplate.computeIfAbsent(event.getMessage(), (k) -> new LongAdder()).increment();
			}
		}

		long lines(String template) {
			LongAdder count = this.byTemplate.get(template);
			return (count != null) ? count.sum() : 0;
		}

		long suppressedOf(String key) {
			LongAdder count = this.suppressedByKey.get(key);
			return (count != null) ? count.sum() : 0;
		}

	}

}
