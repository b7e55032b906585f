package io.fluxtail.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.DebugOnDemand;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkKind;
import io.fluxtail.propagation.WorkUnits;
import org.jspecify.annotations.Nullable;

/**
 * Opens the context of consumed records. A record's {@code request_id} is its id header when that
 * is safe to log (the HTTP trust rule: 1 to 128 characters of {@code [A-Za-z0-9._:~-]}); a missing
 * or unsafe header gives a fresh id, and an unsafe one is counted and never written. {@code job}
 * is the listener id.
 *
 * <p>
 * Holds no Kafka types, so that the endpoint can describe it without spring-kafka.
 */
final class MessageContexts {

	/** Name of the logger the completion event is written on. */
	public static final String LOGGER_NAME = "io.fluxtail.kafka";

	/** Message of the completion event of a record. */
	public static final String RECORD_MESSAGE = "record completed";

	/** Message of the completion event of a batch. */
	public static final String BATCH_MESSAGE = "batch completed";

	private final MessageContextSettings settings;

	private final RequestIds ids;

	private final RequestContextStats idStats;

	private final WorkUnits records;

	private final WorkUnits batches;

	private final @Nullable DebugOnDemand debugOnDemand;

	/**
	 * Creates the contexts.
	 * @param settings the settings in effect
	 * @param ids resolves header ids with the trust rule and generates fresh ones
	 * @param idStats the counters {@code ids} writes to
	 * @param records opens records and writes their completion line
	 * @param batches opens batches and writes their completion line
	 * @param debugOnDemand checks a record's debug token, {@code null} when debug on demand is off
	 */
	public MessageContexts(MessageContextSettings settings, RequestIds ids, RequestContextStats idStats,
			WorkUnits records, WorkUnits batches, @Nullable DebugOnDemand debugOnDemand) {
		this.settings = settings;
		this.ids = ids;
		this.idStats = idStats;
		this.records = records;
		this.batches = batches;
		this.debugOnDemand = debugOnDemand;
	}

	/**
	 * Opens a record's unit of work and puts its context on the current thread.
	 * @param listenerId the listener id, written as {@code job}
	 * @param header the id header's last value, {@code null} when absent
	 * @param debugToken the debug header's last value, {@code null} when absent; checked against
	 * the path {@code /<topic>}
	 * @param topic the record's topic
	 * @param partition the record's partition
	 * @param offset the record's offset
	 * @return the running unit
	 */
	RunningUnit openRecord(String listenerId, byte @Nullable [] header, byte @Nullable [] debugToken, String topic,
			int partition, long offset) {
		Map<String, String> attributes = Map.of(CoreFields.JOB, listenerId, CoreFields.KAFKA_TOPIC, topic,
				CoreFields.KAFKA_PARTITION, Integer.toString(partition), CoreFields.KAFKA_OFFSET,
				Long.toString(offset));
		String token = (this.debugOnDemand != null) ? this.debugOnDemand.validToken(text(debugToken), "/" + topic)
				: null;
		return RunningUnit.enter(this.records.open(
				new WorkContext(WorkKind.RECORD, this.ids.resolve(text(header)), null, attributes), listenerId, token));
	}

	/**
	 * Opens a batch's unit of work and puts its context on the current thread: one fresh id for the
	 * whole batch, whose records may come from many requests.
	 * @param listenerId the listener id, written as {@code job}
	 * @param topics the topics of the batch's records
	 * @return the running unit
	 */
	RunningUnit openBatch(String listenerId, List<String> topics) {
		Map<String, String> attributes = Map.of(CoreFields.JOB, listenerId, CoreFields.KAFKA_TOPIC,
				String.join(",", topics));
		return RunningUnit.enter(this.batches
			.open(new WorkContext(WorkKind.RECORD, this.ids.generate(), null, attributes), listenerId));
	}

	/**
	 * Returns the header the request id is sent and read in.
	 * @return the header name
	 */
	public String header() {
		return this.settings.header();
	}

	/**
	 * Returns the header a debug token is sent and read in.
	 * @return the header name, {@code null} when debug on demand is off
	 */
	public @Nullable String debugHeader() {
		return (this.debugOnDemand != null) ? this.debugOnDemand.header() : null;
	}

	/**
	 * Returns the settings in effect.
	 * @return the settings
	 */
	public MessageContextSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the counters of header ids kept, refused and generated.
	 * @return the counters
	 */
	public RequestContextStats idStats() {
		return this.idStats;
	}

	/**
	 * Returns the records' units of work, for their counters.
	 * @return the units
	 */
	public WorkUnits records() {
		return this.records;
	}

	/**
	 * Decodes a header value; bytes that are not UTF-8 become U+FFFD, which the trust rule refuses.
	 */
	private static @Nullable String text(byte @Nullable [] header) {
		return (header != null) ? new String(header, StandardCharsets.UTF_8) : null;
	}

}
