package io.fluxtail.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.batch.BatchStats;
import io.fluxtail.logging.batch.DropReason;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.EventFields.Role;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * What the logging thread hands the shipper: a copy of the fields the encoder collected, taken at
 * the logging call and cheap to weigh, that nothing the application does afterwards, or any value
 * that fails to print, can turn into a failure of the logging call or of the shipper's thread.
 */
class IngestHandoverTests {

	private static final FieldContract CONTRACT = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.build();

	private static final int MEGABYTE = 1 << 20;

	private final LoggerContext context = new LoggerContext();

	private final List<LogRecordData> sent = new CopyOnWriteArrayList<>();

	/** Released to let the transport answer; open unless a test holds it. */
	private CountDownLatch answer = new CountDownLatch(0);

	private final CountDownLatch sending = new CountDownLatch(1);

	private final BatchStats stats = new BatchStats();

	private LogShipper shipper;

	@AfterEach
	void stop() {
		this.answer.countDown();
		if (this.shipper != null) {
			this.shipper.stop();
		}
	}

	@Test
	void theCopyKeepsTheFieldsAsTheyWereWhenTheEncoderReusesItsList() {
		EventFields fields = new EventFields();
		fields.add(Role.TIMESTAMP, "timestamp", "2026-04-24T10:14:03.125Z");
		fields.add(Role.LEVEL, "level", "INFO");
		fields.add(Role.MESSAGE, "message", "order accepted");
		fields.add(Role.BUSINESS, "order_id", 4921L);
		fields.add(Role.BUSINESS, "cart", Map.of("sku", List.of("A-1", 2L)));

		IngestEvent copy = IngestEvent.of(event(Level.WARN), fields);
		fields.clear();
		fields.add(Role.MESSAGE, "message", "the next event");

		// time, level and logger are the event's own: their fields are not copied
		assertThat(copy.size()).isEqualTo(3);
		assertThat(copy.name(0)).isEqualTo("message");
		assertThat(copy.value(0)).isEqualTo("order accepted");
		assertThat(copy.value(1)).isEqualTo(4921L);
		assertThat(copy.value(2)).isEqualTo(Map.of("sku", List.of("A-1", 2L)));
		assertThat(copy.role(2)).isEqualTo(Role.BUSINESS);
		assertThat(copy.level()).isEqualTo(Level.WARN);
		assertThat(copy.loggerName()).isEqualTo("checkout.api");
		assertThat(copy.epochNanos()).isEqualTo(IngestFixture.TIME.toEpochMilli() * 1_000_000L);
		// a map's keys and texts are weighed too
		assertThat(copy.estimatedChars()).isEqualTo("message".length() + "order accepted".length()
				+ "order_id".length() + IngestEvent.SCALAR_CHARS + "cart".length() + "sku".length() + "A-1".length()
				+ IngestEvent.SCALAR_CHARS);
	}

	@Test
	void aMapOrListChangedAfterTheLoggingCallShipsAsItWasAtTheCall() throws Exception {
		this.answer = new CountDownLatch(1);
		IngestFixture fixture = new IngestFixture(CONTRACT, Map.of(), this::record, settings(1, 64L * MEGABYTE));
		try {
			// the first batch holds the shipper's thread: the next event waits in the queue, unmapped
			fixture.writeInfo("first");
			assertThat(this.sending.await(5, TimeUnit.SECONDS)).isTrue();
			Map<String, Object> cart = new LinkedHashMap<>(Map.of("sku", "A-1"));
			List<Object> tags = new ArrayList<>(List.of("gift"));
			LoggingEvent event = fixture.event("checkout.api", Level.INFO, "cart", Map.of(), null);
			event.addKeyValuePair(new KeyValuePair("cart", cart));
			event.addKeyValuePair(new KeyValuePair("tags", tags));
			fixture.write(event);
			cart.put("sku", "B-2");
			tags.add("express");
			this.answer.countDown();

			LogRecordData shipped = awaitSent("cart");
			assertThat(shipped.getAttributes().get(AttributeKey.stringKey("cart"))).isEqualTo("{\"sku\":\"A-1\"}");
			assertThat(shipped.getAttributes().get(AttributeKey.stringKey("tags"))).isEqualTo("[\"gift\"]");
		}
		finally {
			fixture.ingest.stop();
		}
	}

	@Test
	void aValueWhoseToStringThrowsOnTheShippersThreadCostsThatEventOnlyAndIsCountedAsFailed() {
		IngestSink sink = start(settings(1, 64L * MEGABYTE));

		assertThatNoException().isThrownBy(() -> {
			sink.accept(event(Level.INFO), fields("lazy text", new UnprintableText()));
			sink.accept(event(Level.INFO), fields("odd bean", new UnprintableBean()));
		});
		sink.accept(event(Level.INFO), fields("after", "plain"));

		// the shipper's thread is alive and sends the next event
		assertThat(awaitSent("after")).isNotNull();
		assertThat(this.sent).extracting(IngestHandoverTests::body).containsExactly("after");
		assertThat(this.stats.dropped(DropReason.FAILED)).isEqualTo(2);
	}

	@Test
	void megabyteNamesAndValuesCountTowardsTheQueueBound() throws Exception {
		this.answer = new CountDownLatch(1);
		// room for two of the six large events below
		IngestSink sink = start(settings(1, 5L * MEGABYTE / 2));
		sink.accept(event(Level.INFO), fields("first", "small"));
		assertThat(this.sending.await(5, TimeUnit.SECONDS)).isTrue();
		String large = "x".repeat(MEGABYTE);
		for (int i = 0; i < 3; i++) {
			sink.accept(event(Level.INFO), fields("large value " + i, large));
			EventFields largeName = new EventFields();
			largeName.add(Role.MESSAGE, "message", "large name " + i);
			largeName.add(Role.BUSINESS, large, "value");
			sink.accept(event(Level.INFO), largeName);
		}

		assertThat(this.shipper.queued()).isEqualTo(2);
		assertThat(this.stats.dropped(DropReason.QUEUE_FULL)).isEqualTo(4);
		this.answer.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.stats.exported() == 3);
		assertThat(this.sent).extracting(IngestHandoverTests::body)
			.containsExactly("first", "large value 0", "large name 0");
	}

	private IngestSink start(DeliverySettings settings) {
		this.shipper = new LogShipper(new IngestMapping(CONTRACT, Map.of(), "checkout"), this::record, settings,
				this.stats);
		return new IngestSink(this.shipper, Level.INFO, List.of());
	}

	private Transport.Outcome record(Collection<LogRecordData> batch) {
		this.sending.countDown();
		try {
			this.answer.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.sent.addAll(batch);
		return Transport.Outcome.SENT;
	}

	private LogRecordData awaitSent(String body) {
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> this.sent.stream().filter((record) -> body(record).equals(body)).findFirst().orElse(null),
					(record) -> record != null);
	}

	private static String body(LogRecordData record) {
		return record.getBodyValue().asString();
	}

	private LoggingEvent event(Level level) {
		Logger logger = this.context.getLogger("checkout.api");
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, "", null, null);
		event.setTimeStamp(IngestFixture.TIME.toEpochMilli());
		return event;
	}

	/** The fields the encoder would collect for a message and one application field. */
	private static EventFields fields(String message, Object value) {
		EventFields fields = new EventFields();
		fields.add(Role.MESSAGE, "message", message);
		fields.add(Role.BUSINESS, "detail", value);
		return fields;
	}

	private static DeliverySettings settings(int batchSize, long queueMaxChars) {
		return new DeliverySettings(64, queueMaxChars, batchSize, Duration.ofMillis(10), Duration.ofMillis(10),
				Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(3));
	}

	/** Text made when printed, failing with an error. */
	static final class UnprintableText implements CharSequence {

		@Override
		public int length() {
			return 1;
		}

		@Override
		public char charAt(int index) {
			return 'x';
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return this;
		}

		@Override
		public String toString() {
			throw new AssertionError("unprintable");
		}

	}

	/** An application object that cannot be written as JSON nor with its toString(). */
	static final class UnprintableBean {

		public String getCustomer() {
			throw new IllegalStateException("lazy relation outside a session");
		}

		@Override
		public String toString() {
			throw new StackOverflowError();
		}

	}

}
