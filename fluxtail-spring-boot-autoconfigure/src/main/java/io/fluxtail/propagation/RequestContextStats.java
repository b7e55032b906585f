package io.fluxtail.propagation;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of how request ids were obtained and how many requests were completed, since start.
 */
public final class RequestContextStats {

	private final LongAdder accepted = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final LongAdder generated = new LongAdder();

	private final LongAdder completed = new LongAdder();

	void accepted() {
		this.accepted.increment();
	}

	void rejected() {
		this.rejected.increment();
	}

	void generated() {
		this.generated.increment();
	}

	/**
	 * Counts a request whose completion event was written.
	 */
	public void completed() {
		this.completed.increment();
	}

	/**
	 * Returns the number of inbound ids kept as the request id.
	 * @return the count
	 */
	public long acceptedInboundIds() {
		return this.accepted.sum();
	}

	/**
	 * Returns the number of inbound ids refused as unsafe (too long, bad characters, empty).
	 * @return the count
	 */
	public long rejectedInboundIds() {
		return this.rejected.sum();
	}

	/**
	 * Returns the number of ids generated: no inbound id, a rejected one, or inbound ids not trusted.
	 * @return the count
	 */
	public long generatedIds() {
		return this.generated.sum();
	}

	/**
	 * Returns the number of completion events written.
	 * @return the count
	 */
	public long completedRequests() {
		return this.completed.sum();
	}

}
