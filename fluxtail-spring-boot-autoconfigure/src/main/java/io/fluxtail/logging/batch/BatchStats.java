package io.fluxtail.logging.batch;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link BatchWorker} did since start: items exported, batches retried, items dropped by
 * reason, and when a batch last went out. The endpoint and the meters read these; the logging
 * path only writes them when it drops.
 */
public final class BatchStats {

	private final AtomicLong exported = new AtomicLong();

	private final AtomicLong retries = new AtomicLong();

	private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);

	private final AtomicReference<@Nullable Instant> lastExport = new AtomicReference<>();

	/**
	 * Creates counters at zero.
	 */
	public BatchStats() {
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, new AtomicLong());
		}
	}

	void exported(int items, Instant at) {
		this.exported.addAndGet(items);
		this.lastExport.set(at);
	}

	void retried() {
		this.retries.incrementAndGet();
	}

	void dropped(DropReason reason, long items) {
		if (items > 0) {
			this.dropped.get(reason).addAndGet(items);
		}
	}

	/**
	 * Returns the items the destination took.
	 * @return the count
	 */
	public long exported() {
		return this.exported.get();
	}

	/**
	 * Returns how many times a batch was handed on again after a failure.
	 * @return the count
	 */
	public long retries() {
		return this.retries.get();
	}

	/**
	 * Returns the items dropped for one reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long dropped(DropReason reason) {
		return this.dropped.get(reason).get();
	}

	/**
	 * Returns the items dropped, whatever the reason.
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
	 * Returns the items dropped, by reason, every reason present.
	 * @return counts by {@link DropReason#tag()}
	 */
	public Map<String, Long> droppedByReason() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.dropped.forEach((reason, count) -> counts.put(reason.tag(), count.get()));
		return counts;
	}

	/**
	 * Returns when a batch last went out.
	 * @return the time, {@code null} before the first
	 */
	public @Nullable Instant lastExport() {
		return this.lastExport.get();
	}

}
