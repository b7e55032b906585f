package io.fluxtail.kafka;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Context of Kafka records sent with KafkaTemplate and consumed by @KafkaListener.
 */
@ConfigurationProperties("fluxtail.kafka")
public class FluxtailKafkaProperties {

	/**
	 * Whether records carry the request id from KafkaTemplate to @KafkaListener, where each record
	 * (or batch) gets its request_id, 'job' (the listener id), topic, partition and offset.
	 */
	private boolean enabled = true;

	/**
	 * Record header the request id is sent and read in.
	 */
	private String header = "X-Request-Id";

	/**
	 * Whether a safe request id in the record header (at most 128 characters of letters, digits and
	 * '._:~-') is kept. When false, every record gets a generated id.
	 */
	private boolean trustInbound = true;

	/**
	 * Prefix of the request id generated for a record without a usable header, and for a batch.
	 */
	private String idPrefix = "msg-";

	/**
	 * Whether KafkaTemplate beans send the current request id, and a W3C 'traceparent' when the
	 * record has no trace context yet.
	 */
	private boolean outbound = true;

	/**
	 * The 'record completed' and 'batch completed' events.
	 */
	private final Completion completion = new Completion();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public boolean isTrustInbound() {
		return this.trustInbound;
	}

	public void setTrustInbound(boolean trustInbound) {
		this.trustInbound = trustInbound;
	}

	public String getIdPrefix() {
		return this.idPrefix;
	}

	public void setIdPrefix(String idPrefix) {
		this.idPrefix = idPrefix;
	}

	public boolean isOutbound() {
		return this.outbound;
	}

	public void setOutbound(boolean outbound) {
		this.outbound = outbound;
	}

	public Completion getCompletion() {
		return this.completion;
	}

	/**
	 * The completion events of records and batches.
	 */
	public static class Completion {

		/**
		 * Whether one completion line with duration and outcome is written per record (per batch
		 * for batch listeners): ERROR with the exception when the listener threw, INFO otherwise.
		 */
		private boolean enabled = true;

		/**
		 * Listener ids whose records get no completion line. Their lines still carry the
		 * record's context.
		 */
		private List<String> excludedListeners = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getExcludedListeners() {
			return this.excludedListeners;
		}

		public void setExcludedListeners(List<String> excludedListeners) {
			this.excludedListeners = excludedListeners;
		}

	}

}
