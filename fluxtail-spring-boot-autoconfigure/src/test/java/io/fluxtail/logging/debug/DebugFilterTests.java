package io.fluxtail.logging.debug;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.storm.StormFilter;
import io.fluxtail.logging.storm.StormSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DebugFilterTests {

	private final LoggerContext context = new LoggerContext();

	private final RecordingAppender appender = new RecordingAppender();

	private final Logger log;

	DebugFilterTests() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.appender.setContext(this.context);
		this.appender.start();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
		DebugFilter filter = new DebugFilter();
		filter.setContext(this.context);
		filter.start();
		this.context.getTurboFilterList().add(0, filter);
		this.log = this.context.getLogger("shop.Checkout");
	}

	@AfterEach
	void stop() {
		UnitDebug.putOnThread(null);
		this.context.stop();
	}

	@Test
	void debugLinesOfAUnitThatFailsAreWrittenWhenItEndsInOrderWithTheirOwnTimeThreadAndMdcMarkedBuffered() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		this.context.getMDCAdapter().put(CoreFields.REQUEST_ID, "req-1");
		this.log.debug("cart has {} items", 3);
		this.log.info("checkout started");
		this.log.debug("price {} computed", 42);
		assertThat(this.appender.messages()).containsExactly("checkout started");
		long loggedAt = System.currentTimeMillis();
		this.context.getMDCAdapter().put(CoreFields.REQUEST_ID, "another");
		unit.end(true);
		assertThat(this.appender.messages()).containsExactly("checkout started", "cart has 3 items", "price 42 computed");
		ILoggingEvent flushed = this.appender.events.get(1);
		assertThat(flushed.getLevel()).isEqualTo(Level.DEBUG);
		assertThat(flushed.getLoggerName()).isEqualTo("shop.Checkout");
		assertThat(flushed.getThreadName()).isEqualTo(Thread.currentThread().getName());
		assertThat(flushed.getMDCPropertyMap()).containsEntry(CoreFields.REQUEST_ID, "req-1");
		assertThat(flushed.getTimeStamp()).isLessThanOrEqualTo(loggedAt);
		assertThat(flushed.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
			.containsExactly("buffered=true");
		assertThat(lines.stats().unitsFlushed()).isEqualTo(1);
		assertThat(lines.stats().linesFlushed()).isEqualTo(2);
		assertThat(lines.bytesHeld()).isZero();
	}

	@Test
	void aKeptLineSaysWhatTheCallSawEvenWhenAnArgumentChangesLater() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		StringBuilder basket = new StringBuilder("2 items");
		this.log.debug("basket holds {} for order {}", basket, 4921L);
		basket.append(", then 3 more");
		unit.end(true);
		assertThat(this.appender.messages()).containsExactly("basket holds 2 items for order 4921");
	}

	@Test
	void debugLinesOfAUnitThatSucceedsAreDroppedAndCounted() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		this.log.debug("cart has {} items", 3);
		this.log.debug("price computed");
		unit.end(false);
		assertThat(this.appender.events).isEmpty();
		assertThat(lines.stats().linesDiscarded()).isEqualTo(2);
		assertThat(lines.stats().unitsFlushed()).isZero();
		assertThat(lines.bytesHeld()).isZero();
	}

	@Test
	void anErrorLineInTheUnitMakesItFailedEvenWhenItEndsWell() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		this.log.debug("calling the gateway");
		this.log.error("gateway refused the card");
		unit.end(false);
		assertThat(this.appender.messages()).containsExactly("gateway refused the card", "calling the gateway");
	}

	@Test
	void guardedDebugCallsRunWhileTheUnitKeepsLinesAndTraceStaysOff() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		assertThat(this.log.isDebugEnabled()).isFalse();
		enter(lines);
		assertThat(this.log.isDebugEnabled()).isTrue();
		assertThat(this.log.isTraceEnabled()).isFalse();
		this.log.trace("never kept");
		UnitDebug.onThread().end(true);
		assertThat(this.appender.events).isEmpty();
	}

	@Test
	void aLoggerSetToDebugWritesAtOnceAndALoggerSetToOffKeepsNothing() {
		this.context.getLogger("shop.Verbose").setLevel(Level.DEBUG);
		this.context.getLogger("shop.Silent").setLevel(Level.OFF);
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		this.context.getLogger("shop.Verbose").debug("written now");
		this.context.getLogger("shop.Silent").debug("never");
		this.context.getLogger("shop.Silent").error("never either");
		assertThat(this.appender.messages()).containsExactly("written now");
		unit.end(true);
		assertThat(this.appender.messages()).containsExactly("written now");
		assertThat(this.appender.events.get(0).getKeyValuePairs()).isNull();
	}

	@Test
	void theFluentApiKeepsItsKeyValuePairs() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		this.log.atDebug().addKeyValue("order_id", 4921).log("order priced");
		assertThat(this.appender.events).isEmpty();
		unit.end(true);
		assertThat(this.appender.events).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).isEqualTo("order priced");
			assertThat(event.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
				.containsExactly("order_id=4921", "buffered=true");
		});
	}

	@Test
	void linesOverTheUnitsLimitAreLeftOutCountedAndReportedByOneLine() {
		DebugLines lines = lines(3, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		for (int i = 0; i < 5; i++) {
			this.log.debug("step {}", i);
		}
		unit.end(true);
		assertThat(this.appender.messages()).containsExactly("step 0", "step 1", "step 2",
				"2 debug lines of this failed unit of work were left out: over 3 lines or 131072 bytes for the unit, "
						+ "or 1048576 bytes for all units");
		ILoggingEvent notice = this.appender.events.get(3);
		assertThat(notice.getLoggerName()).isEqualTo(DebugLines.LOGGER_NAME);
		assertThat(notice.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
			.containsExactly("buffered=true", "buffered_left_out=2");
		assertThat(lines.stats().linesLeftOut()).isEqualTo(2);
	}

	@Test
	void theGlobalBudgetIsSharedByAllUnitsAndGivenBackWhenTheyEnd() {
		DebugLines lines = lines(1000, 1024 * 1024, 2000);
		UnitDebug first = enter(lines);
		for (int i = 0; i < 20; i++) {
			this.log.debug("first unit's line {}", i);
		}
		assertThat(lines.bytesHeld()).isLessThanOrEqualTo(2000).isGreaterThan(1500);
		long leftOutByTheFirst = lines.stats().linesLeftOut();
		assertThat(leftOutByTheFirst).isPositive();
		UnitDebug second = enter(lines);
		this.log.debug("second unit's line {}", 0);
		assertThat(lines.stats().linesLeftOut()).isEqualTo(leftOutByTheFirst + 1);
		first.end(false);
		assertThat(lines.bytesHeld()).isZero();
		this.log.debug("second unit's line {}", 1);
		second.end(true);
		assertThat(this.appender.messages()).containsExactly("second unit's line 1",
				"1 debug lines of this failed unit of work were left out: over 1000 lines or 1048576 bytes for the unit, "
						+ "or 2000 bytes for all units");
	}

	@Test
	void stormControlNeverSuppressesTheLinesOfAFlush() {
		StormFilter storm = new StormFilter(new StormSettings(0, Duration.ofHours(1), 10, Level.DEBUG, null, List.of()));
		storm.setContext(this.context);
		storm.start();
		this.context.addTurboFilter(storm);
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		for (int i = 0; i < 3; i++) {
			this.log.debug("retrying the gateway");
		}
		unit.end(true);
		storm.stop();
		assertThat(this.appender.messages()).containsExactly("retrying the gateway", "retrying the gateway",
				"retrying the gateway");
	}

	@Test
	void aLineLoggedAfterItsUnitEndedIsLeftOutAndCounted() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		unit.end(true);
		this.log.debug("straggler");
		assertThat(this.appender.events).isEmpty();
		assertThat(lines.stats().linesLeftOut()).isEqualTo(1);
	}

	@Test
	void anArgumentThatThrowsLeavesItsLineOutAndTheCallReturns() {
		DebugLines lines = lines(200, 128 * 1024, 1024 * 1024);
		UnitDebug unit = enter(lines);
		Object broken = new Object() {
			@Override
			public String toString() {
				throw new StackOverflowError("deep");
			}
		};
		this.log.debug("value {}", broken);
		this.log.debug("next line");
		unit.end(true);
		assertThat(this.appender.messages()).contains("next line");
	}

	@Test
	void aUnitWithAValidTokenWritesItsDebugLinesAtOnceAndOthersDoNot() {
		DebugLines lines = new DebugLines(new DebugSettings(null, 0, 0, 0, Level.DEBUG, false), new DebugStats(),
				this.context.getLogger(DebugLines.LOGGER_NAME));
		assertThat(lines.open(null)).isNull();
		UnitDebug.putOnThread(lines.open("valid-token"));
		this.log.debug("written at once");
		this.log.trace("below the level asked for");
		assertThat(this.appender.messages()).containsExactly("written at once");
		assertThat(this.appender.events.get(0).getKeyValuePairs()).isNull();
		UnitDebug.putOnThread(null);
		this.log.debug("not for this thread");
		assertThat(this.appender.messages()).containsExactly("written at once");
	}

	@Test
	void concurrentUnitsFlushOnlyTheirOwnLines() throws Exception {
		DebugLines lines = lines(1000, 1024 * 1024, 64 * 1024 * 1024);
		int units = 64;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int u = 0; u < units; u++) {
			int id = u;
			done.add(pool.submit(() -> {
				start.await();
				UnitDebug unit = lines.open(null);
				UnitDebug.putOnThread(unit);
				for (int i = 0; i < 50; i++) {
					this.log.debug("unit {} line {}", id, i);
				}
				UnitDebug.putOnThread(null);
				unit.end(id % 4 == 0);
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();
		List<String> messages = this.appender.messages();
		assertThat(messages).hasSize(16 * 50);
		for (int u = 0; u < units; u++) {
			String prefix = "unit " + u + " line ";
			List<String> own = messages.stream().filter((message) -> message.startsWith(prefix)).toList();
			List<String> expected = new ArrayList<>();
			if (u % 4 == 0) {
				for (int i = 0; i < 50; i++) {
					expected.add(prefix + i);
				}
			}
			assertThat(own).as("unit %d", u).containsExactlyElementsOf(expected);
		}
		assertThat(lines.stats().linesFlushed()).isEqualTo(16 * 50);
		assertThat(lines.stats().linesDiscarded()).isEqualTo(48 * 50);
	}

	private DebugLines lines(int maxLines, long maxBytesPerUnit, long maxBytes) {
		return new DebugLines(new DebugSettings(Level.DEBUG, maxLines, maxBytesPerUnit, maxBytes, null, false),
				new DebugStats(), this.context.getLogger(DebugLines.LOGGER_NAME));
	}

	private static UnitDebug enter(DebugLines lines) {
		UnitDebug unit = lines.open(null);
		UnitDebug.putOnThread(unit);
		return unit;
	}

	static final class RecordingAppender extends AppenderBase<ILoggingEvent> {

		final List<ILoggingEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			this.events.add(event);
		}

		List<String> messages() {
			synchronized (this.events) {
				return this.events.stream().map(ILoggingEvent::getFormattedMessage).toList();
			}
		}

	}

}
