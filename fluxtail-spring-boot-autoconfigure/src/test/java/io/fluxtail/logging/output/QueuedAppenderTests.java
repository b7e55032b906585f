package io.fluxtail.logging.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.testsupport.BreakableStatusManager;
import io.fluxtail.testsupport.LogLines;
import io.fluxtail.testsupport.ThrowingAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue in front of a real appender and the real encoder: what reaches the output, in which
 * order, and what is counted and reported when it cannot.
 */
class QueuedAppenderTests {

	private static final Duration MAX_BLOCK = Duration.ofMillis(20);

	private final LoggerContext context = new LoggerContext();

	private final Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);

	private final Logger log = this.context.getLogger("checkout.api");

	QueuedAppenderTests() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
	}

	@AfterEach
	void stopLogback() {
		this.context.stop();
	}

	@ParameterizedTest(name = "async={0}")
	@ValueSource(booleans = { false, true })
	void everyEventFromEightThreadsIsWrittenInEachThreadsOrder(boolean async) throws InterruptedException {
		Sink sink = new Sink();
		// room for every event: logging in a tight loop outruns any writer, and this test is about
		// the graceful stop, not about dropping
		Appender<ILoggingEvent> output = async ? queue(sink, 100_000, Duration.ofSeconds(30)) : appender(sink);
		this.root.addAppender(output);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			threads.add(new Thread(() -> {
				for (int i = 0; i < 12_500; i++) {
					this.log.info("event {}", i);
				}
			}, "worker-" + t));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		output.stop();
		Map<String, Integer> nextByThread = new HashMap<>();
		List<JsonNode> lines = sink.lines();
		assertThat(lines).hasSize(100_000);
		for (JsonNode line : lines) {
			String thread = line.get(CoreFields.THREAD).asString();
			int expected = nextByThread.merge(thread, 1, Integer::sum) - 1;
			assertThat(line.get(CoreFields.MESSAGE).asString()).isEqualTo("event " + expected);
		}
		assertThat(nextByThread).hasSize(8).allSatisfy((thread, count) -> assertThat(count).isEqualTo(12_500));
	}

	@Test
	void linesAreByteIdenticalToSynchronousOutput() throws InterruptedException {
		Sink direct = new Sink();
		Appender<ILoggingEvent> synchronous = appender(direct);
		Sink queued = new Sink();
		QueuedAppender queue = queue(queued, 16, Duration.ofSeconds(30));
		Thread caller = new Thread(() -> {
			this.context.getMDCAdapter().put(CoreFields.REQUEST_ID, "req-9f2c");
			this.context.getMDCAdapter().put("tenant", "acme");
			synchronous.doAppend(orderAccepted());
			queue.doAppend(orderAccepted());
			// the caller's context is gone by the time the writer thread encodes
			this.context.getMDCAdapter().clear();
		}, "http-nio-8080-exec-7");
		caller.start();
		caller.join();
		queue.stop();
		assertThat(queued.text()).isEqualTo(direct.text());
		JsonNode line = queued.lines().get(0);
		assertThat(line.get(CoreFields.THREAD).asString()).isEqualTo("http-nio-8080-exec-7");
		assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo("req-9f2c");
		assertThat(line.get("tenant").asString()).isEqualTo("acme");
		assertThat(line.get("order_id").asInt()).isEqualTo(4921);
		assertThat(line.get(CoreFields.MESSAGE).asString()).isEqualTo("order 4921 accepted for 129.99");
	}

	@Test
	void fullQueueDropsDebugAndInfoAtOnceWarnAfterTheBoundAndReportsEveryDropWhenWritingResumes()
			throws InterruptedException {
		Sink sink = new Sink();
		sink.block();
		QueuedAppender queue = queue(sink, 4, Duration.ofSeconds(30));
		this.root.addAppender(queue);
		Map<String, Integer> logged = new HashMap<>();
		this.log.info("stalls the writer");
		logged.put("INFO", 1);
		sink.awaitStalledWriter();
		for (int i = 0; i < 200; i++) {
			Level level = (i % 20 == 0) ? Level.WARN : (i % 3 == 0) ? Level.DEBUG : Level.INFO;
			switch (level.levelInt) {
				case Level.WARN_INT -> this.log.warn("event {}", i);
				case Level.DEBUG_INT -> this.log.debug("event {}", i);
				default -> this.log.info("event {}", i);
			}
			logged.merge(level.levelStr, 1, Integer::sum);
		}
		assertThat(queue.droppedByLevel()).containsKeys("DEBUG", "INFO", "WARN");
		sink.unblock();
		queue.stop();
		Map<String, Integer> accounted = new HashMap<>();
		List<JsonNode> reports = new ArrayList<>();
		for (JsonNode line : sink.lines()) {
			if (line.get(CoreFields.LOGGER).asString().equals(DropReport.LOGGER)) {
				reports.add(line);
				line.properties().forEach((field) -> {
					if (field.getKey().startsWith("dropped_") && !field.getKey().equals(DropReport.SINCE_KEY)) {
						accounted.merge(field.getKey().substring(8).toUpperCase(), field.getValue().asInt(), Integer::sum);
					}
				});
			}
			else {
				accounted.merge(line.get(CoreFields.LEVEL).asString(), 1, Integer::sum);
			}
		}
		assertThat(accounted).isEqualTo(logged);
		assertThat(reports).as(reports.toString()).hasSize(1);
		JsonNode report = reports.get(0);
		assertThat(report.get(CoreFields.LEVEL).asString()).isEqualTo("WARN");
		assertThat(report.get(CoreFields.MESSAGE).asString()).startsWith("Log output queue was full: dropped ");
		assertThat(report.get(DropReport.SINCE_KEY).asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(report.get(CoreFields.SERVICE).asString()).isEqualTo(CoreFields.MISSING);
	}

	@Test
	void stopThatRunsOutOfTimeWritesHowManyEventsOfEachLevelWereLeft() {
		Sink sink = new Sink();
		sink.block();
		QueuedAppender queue = new QueuedAppender(new OutputSettings(1000, MAX_BLOCK, Duration.ofMillis(50)));
		queue.setContext(this.context);
		queue.addAppender(appender(sink));
		queue.start();
		this.root.addAppender(queue);
		for (int i = 0; i < 300; i++) {
			this.log.info("event {}", i);
		}
		this.log.error("payment capture failed");
		Thread opener = new Thread(() -> {
			sleep(Duration.ofMillis(200));
			sink.unblock();
		});
		opener.start();
		queue.stop();
		List<JsonNode> lines = sink.lines();
		JsonNode report = lines.get(lines.size() - 1);
		assertThat(report.get(CoreFields.MESSAGE).asString()).contains("at shutdown").contains("left unwritten");
		int written = lines.size() - 1;
		assertThat(written + report.path("unwritten_info").asInt() + report.path("unwritten_error").asInt())
			.isEqualTo(301);
		assertThat(report.path("unwritten_info").asInt()).isPositive();
	}

	@Test
	void aValueThatThrowsAnErrorNeitherReachesTheCallerNorStopsTheWriter() {
		Sink sink = new Sink();
		QueuedAppender queue = queue(sink, 1024, Duration.ofSeconds(30));
		this.root.addAppender(queue);
		this.context.getMDCAdapter().put(CoreFields.REQUEST_ID, "req-9f2c");
		this.log.atWarn()
			.addKeyValue("payment", new Throws(new AssertionError("getter asserts")))
			.log("payment captured");
		this.log.atWarn()
			.addKeyValue("payment", new Throws(new OutOfMemoryError("Java heap space")))
			.log("payment captured");
		Object[] self = { "card", null };
		self[1] = self;
		this.log.atWarn().addKeyValue("payment", self).log("payment captured");
		for (int i = 0; i < 300; i++) {
			this.log.info("event {}", i);
		}
		assertThat(queue.isWriterRunning()).isTrue();
		queue.stop();
		List<JsonNode> lines = sink.lines();
		assertThat(lines).hasSize(303);
		assertThat(lines.subList(0, 3)).allSatisfy((line) -> {
			assertThat(line.get(CoreFields.MESSAGE).asString()).isEqualTo("payment captured");
			assertThat(line.get(CoreFields.REQUEST_ID).asString()).isEqualTo("req-9f2c");
			assertThat(line.has("encoder_error")).isTrue();
		});
		assertThat(lines.get(302).get(CoreFields.MESSAGE).asString()).isEqualTo("event 299");
	}

	@Test
	void anAppenderThatThrowsAnErrorIsCountedAndTheNextEventsAreWritten() {
		Sink sink = new Sink();
		QueuedAppender queue = queue(sink, 1024, Duration.ofSeconds(30));
		queue.addAppender(new ThrowingAppender("poison"));
		this.root.addAppender(queue);
		this.log.info("poison");
		this.log.info("order accepted");
		queue.stop();
		assertThat(sink.lines()).extracting((line) -> line.get(CoreFields.MESSAGE).asString())
			.containsExactly("poison", "order accepted");
		assertThat(queue.failedWrites()).isEqualTo(1);
	}

	@Test
	void aValueChangedRightAfterTheCallIsWrittenAsItWasAtTheCall() {
		Sink sink = new Sink();
		sink.block();
		QueuedAppender queue = queue(sink, 1024, Duration.ofSeconds(30));
		this.root.addAppender(queue);
		Map<String, Object> cart = new HashMap<>(Map.of("state", "open"));
		List<String> items = new ArrayList<>(List.of("sku-1"));
		for (int i = 0; i < 200; i++) {
			cart.put("seq", i);
			this.log.atInfo().addKeyValue("cart", cart).addKeyValue("items", items).log("cart changed");
			items.add("sku-" + (i + 2));
		}
		cart.put("state", "paid");
		sink.unblock();
		queue.stop();
		List<JsonNode> lines = sink.lines();
		assertThat(lines).hasSize(200);
		for (int i = 0; i < 200; i++) {
			JsonNode line = lines.get(i);
			assertThat(line.get("cart").get("state").asString()).isEqualTo("open");
			assertThat(line.get("cart").get("seq").asInt()).isEqualTo(i);
			assertThat(line.get("items")).hasSize(i + 1);
		}
	}

	@Test
	void aSlowValueCostsItsCallerNotTheWriter() throws InterruptedException {
		Sink sink = new Sink();
		QueuedAppender queue = queue(sink, 1024, Duration.ofSeconds(30));
		this.root.addAppender(queue);
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread slowCaller = new Thread(() -> this.log.atInfo()
			.addKeyValue("report", new Slow(reading, release))
			.log("report built"), "slow-caller");
		slowCaller.start();
		reading.await();
		try {
			for (int i = 0; i < 500; i++) {
				this.log.info("event {}", i);
			}
			// written while the slow value is still being read, in its caller
			sink.awaitLines(500, Duration.ofSeconds(10));
			assertThat(slowCaller.isAlive()).isTrue();
		}
		finally {
			release.countDown();
		}
		slowCaller.join();
		queue.stop();
		assertThat(sink.lines()).hasSize(501);
	}

	@Test
	void aStopWithABlockedOutputEndsWithinItsTimeoutAndCountsWhatWasLeftOnStderr() {
		Sink sink = new Sink();
		sink.block();
		QueuedAppender queue = queue(sink, 1000, Duration.ofMillis(300));
		this.root.addAppender(queue);
		for (int i = 0; i < 300; i++) {
			this.log.info("event {}", i);
		}
		this.log.error("payment capture failed");
		PrintStream standardError = System.err;
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		long started = System.nanoTime();
		try {
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			queue.stop();
		}
		finally {
			System.setErr(standardError);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		sink.unblock();
		// the timeout, the grace for the writer's own final line and the one for stderr's
		assertThat(took).isLessThan(Duration.ofMillis(300 + 500 + 500 + 700));
		JsonNode report = LogLines.parse(stderr.toString(StandardCharsets.UTF_8).strip());
		assertThat(report.get(CoreFields.LEVEL).asString()).isEqualTo("WARN");
		assertThat(report.get(CoreFields.MESSAGE).asString()).startsWith("Log output was blocked at shutdown");
		int queued = report.path("unwritten_info").asInt() + report.path("unwritten_error").asInt();
		assertThat(queued + report.path(DropReport.IN_FLIGHT_KEY).asInt()).isEqualTo(301);
		assertThat(report.path(DropReport.IN_FLIGHT_KEY).asInt()).isPositive();
		assertThat(queue.unwrittenAtStop()).isEqualTo(301);
	}

	@Test
	void whenTheWriterThreadEndsAnywayTheCallersWriteTheirOwnLines() throws InterruptedException {
		BreakableStatusManager statuses = new BreakableStatusManager();
		this.context.setStatusManager(statuses);
		Sink sink = new Sink();
		QueuedAppender queue = queue(sink, 1024, Duration.ofSeconds(30));
		queue.addAppender(new ThrowingAppender("poison"));
		this.root.addAppender(queue);
		// nothing the writer does can end it, except failing to report a failure
		statuses.broken = true;
		this.log.info("poison");
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (queue.isWriterRunning() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		statuses.broken = false;
		assertThat(queue.isWriterRunning()).isFalse();
		this.log.info("order accepted");
		// written before the call returned
		assertThat(sink.lines()).extracting((line) -> line.get(CoreFields.MESSAGE).asString())
			.containsExactly("poison", "order accepted");
	}

	private LoggingEvent orderAccepted() {
		LoggingEvent event = new LoggingEvent(Logger.FQCN, this.log, Level.INFO, "order {} accepted for {}", null,
				new Object[] { 4921, 129.99 });
		event.setTimeStamp(1_777_000_000_125L);
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		event.addKeyValuePair(new KeyValuePair("total_cents", 12999));
		event.addKeyValuePair(new KeyValuePair("currency", "EUR"));
		return event;
	}

	private QueuedAppender queue(Sink sink, int capacity, Duration shutdownTimeout) {
		QueuedAppender queue = new QueuedAppender(new OutputSettings(capacity, MAX_BLOCK, shutdownTimeout));
		queue.setContext(this.context);
		queue.addAppender(appender(sink));
		queue.start();
		return queue;
	}

	private OutputStreamAppender<ILoggingEvent> appender(Sink sink) {
		FluxtailEncoder encoder = new FluxtailEncoder(EncoderConfig.defaults(LogFormat.JSON));
		encoder.setContext(this.context);
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setName("SINK");
		appender.setContext(this.context);
		appender.setEncoder(encoder);
		appender.setOutputStream(sink);
		appender.start();
		return appender;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A bean whose getter throws.
	 */
	static final class Throws {

		private final Error error;

		Throws(Error error) {
			this.error = error;
		}

		public String getState() {
			throw this.error;
		}

	}

	/**
	 * A bean whose getter takes its time: it says when it is being read and waits to be let go.
	 */
	static final class Slow {

		private final CountDownLatch reading;

		private final CountDownLatch release;

		Slow(CountDownLatch reading, CountDownLatch release) {
			this.reading = reading;
			this.release = release;
		}

		public String getSummary() throws InterruptedException {
			this.reading.countDown();
			this.release.await();
			return "done";
		}

	}

	/**
	 * An output that can stall, like a pipe nobody reads.
	 */
	private static final class Sink extends OutputStream {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private volatile CountDownLatch gate = new CountDownLatch(0);

		private final CountDownLatch stalled = new CountDownLatch(1);

		void block() {
			this.gate = new CountDownLatch(1);
		}

		void awaitStalledWriter() throws InterruptedException {
			this.stalled.await();
		}

		void unblock() {
			this.gate.countDown();
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			try {
				if (this.gate.getCount() > 0) {
					this.stalled.countDown();
				}
				this.gate.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			synchronized (this.bytes) {
				this.bytes.write(b, off, len);
			}
		}

		void awaitLines(int count, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (text().lines().count() < count) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Fewer than " + count + " lines within " + timeout);
				}
				Thread.sleep(10);
			}
		}

		String text() {
			synchronized (this.bytes) {
				return this.bytes.toString(StandardCharsets.UTF_8);
			}
		}

		List<JsonNode> lines() {
			List<JsonNode> lines = new ArrayList<>();
			for (String line : text().split("\n")) {
				if (!line.isEmpty()) {
					lines.add(LogLines.parse(line));
				}
			}
			return lines;
		}

	}

}
