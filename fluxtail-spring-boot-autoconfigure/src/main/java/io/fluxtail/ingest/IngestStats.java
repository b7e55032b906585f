package io.fluxtail.ingest;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Delivery counters since start, kept apart from the settings: events sent, retried and dropped
 * by reason, and the time of the last accepted batch.
 */
public final class IngestStats {

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);

	private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

	/**
	 * Creates counters at zero.
	 */
	public IngestStats() {
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, new AtomicLong());
		}
	}

	void sent(int events, Instant at) {
		this.sent.addAndGet(events);
		this.lastSuccess.set(at);
	}

	void retried() {
		this.retries.incrementAndGet();
	}

	void dropped(DropReason reason, int events) {
		this.dropped.get(reason).addAndGet(events);
	}

	/**
	 * Returns the events the backend accepted.
	 * @return the count
	 */
	public long sent() {
		return this.sent.get();
	}

	/**
	 * Returns how many times a batch was sent again after a failure.
	 * @return the count
	 */
	public long retries() {
		return this.retries.get();
	}

	/**
	 * Returns the events dropped for one reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long dropped(DropReason reason) {
		return this.dropped.get(reason).get();
	}

	/**
	 * Returns the events not delivered, whatever the reason.
	 * @return the count
	 */
	public long undelivered() {
		long undelivered = 0;
		for (AtomicLong count : this.dropped.values()) {
			undelivered += count.get();
		}
		return undelivered;
	}

	/**
	 * Returns the events dropped, by reason, every reason present.
	 * @return counts by {@link DropReason#tag()}
	 */
	public Map<String, Long> droppedByReason() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.dropped.forEach((reason, count) -> counts.put(reason.tag(), count.get()));
		return counts;
	}

	/**
	 * Returns when the backend last accepted a batch.
	 * @return the time, {@code null} before the first success
	 */
	public @Nullable Instant lastSuccess() {
		return this.lastSuccess.get();
	}

}
