package io.fluxtail.actuate;

import java.util.List;
import java.util.Map;

import io.fluxtail.job.JobRuns;
import io.fluxtail.job.JobSettings;
import io.fluxtail.kafka.MessageContextSettings;
import io.fluxtail.kafka.MessageContexts;
import io.fluxtail.propagation.RequestIds;
import org.jspecify.annotations.Nullable;

/**
 * Work other than HTTP requests that gets its own {@code request_id} and {@code job}: scheduled job
 * runs and consumed Kafka records. Present in non-web applications too.
 *
 * @param jobs the scheduled jobs' context, {@code null} without {@code @EnableScheduling} or when
 * switched off
 * @param messages the Kafka records' context, {@code null} without spring-kafka or when switched off
 */
public record WorkDescriptor(@Nullable Jobs jobs, @Nullable Messages messages) {

	/**
	 * Describes the job runs and records of the application.
	 * @param jobs the job runs, {@code null} when none get a context
	 * @param messages the records' contexts, {@code null} when none get a context
	 * @return the description
	 */
	public static WorkDescriptor of(@Nullable JobRuns jobs, @Nullable MessageContexts messages) {
		return new WorkDescriptor((jobs != null) ? Jobs.of(jobs) : null,
				(messages != null) ? Messages.of(messages) : null);
	}

	/**
	 * Whether job runs or records get a completion line.
	 * @return whether any does
	 */
	boolean writesCompletionEvents() {
		return (this.jobs != null && this.jobs.completion().enabled())
				|| (this.messages != null && this.messages.completion().enabled());
	}

	/**
	 * Each run of a {@code @Scheduled} method.
	 *
	 * @param requestId where a run's {@code request_id} comes from
	 * @param job what names the run in {@code job}
	 * @param idPrefix the prefix of a run's generated id
	 * @param renamed job names by default name
	 * @param completion the {@code job completed} line
	 * @param runs runs started since start
	 * @param failedRuns runs that threw
	 */
	public record Jobs(String requestId, String job, String idPrefix, Map<String, String> renamed,
			Completion completion, long runs, long failedRuns) {

		static Jobs of(JobRuns runs) {
			JobSettings settings = runs.settings();
			return new Jobs("generated per run", "bean.method", settings.idPrefix(), settings.renamed(),
					new Completion(settings.completionEnabled(), JobRuns.LOGGER_NAME, JobRuns.MESSAGE,
							settings.completionExcludedJobs()),
					runs.units().stats().started(), runs.units().stats().failed());
		}

	}

	/**
	 * Each record (or batch) a {@code @KafkaListener} container delivers.
	 *
	 * @param header the record header the id is sent in by {@code KafkaTemplate} and read from
	 * @param trustInbound whether a safe header id is kept
	 * @param idPattern what a header id must match to be kept
	 * @param idPrefix the prefix of ids generated for records without a usable header
	 * @param batchRequestId where a batch's {@code request_id} comes from
	 * @param outbound whether {@code KafkaTemplate} sends the id and trace context
	 * @param completion the {@code record completed} line ({@code batch completed} for batches)
	 * @param acceptedHeaderIds header ids kept
	 * @param rejectedHeaderIds header ids refused as unsafe and replaced
	 * @param generatedIds ids generated: no header, a refused one, or a batch
	 * @param records records delivered since start
	 * @param failedRecords records whose listener threw
	 */
	public record Messages(String header, boolean trustInbound, String idPattern, String idPrefix,
			String batchRequestId, boolean outbound, Completion completion, long acceptedHeaderIds,
			long rejectedHeaderIds, long generatedIds, long records, long failedRecords) {

		static Messages of(MessageContexts contexts) {
			MessageContextSettings settings = contexts.settings();
			return new Messages(settings.header(), settings.trustInbound(), RequestIds.ID_PATTERN, settings.idPrefix(),
					"generated per batch", settings.outbound(),
					new Completion(settings.completionEnabled(), MessageContexts.LOGGER_NAME,
							MessageContexts.RECORD_MESSAGE, settings.completionExcludedListeners()),
					contexts.idStats().acceptedInboundIds(), contexts.idStats().rejectedInboundIds(),
					contexts.idStats().generatedIds(), contexts.records().stats().started(),
					contexts.records().stats().failed());
		}

	}

	/**
	 * A completion line.
	 *
	 * @param enabled whether it is written
	 * @param logger the logger it is written on
	 * @param message its message
	 * @param excluded names (jobs or listener ids) without it
	 */
	public record Completion(boolean enabled, String logger, String message, List<String> excluded) {

	}

}
