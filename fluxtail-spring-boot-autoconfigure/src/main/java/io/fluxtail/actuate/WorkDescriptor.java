package io.fluxtail.actuate;

import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.Presence;

/**
 * The {@code work} section of {@code /actuator/fluxtail}: work other than HTTP requests that gets its
 * own {@code request_id} and {@code job}, present in non-web applications too. Job runs add
 * {@code jobs} (without {@code @EnableScheduling}, or when switched off, there is none), consumed
 * Kafka records add {@code messages}.
 */
public final class WorkDescriptor {

	private WorkDescriptor() {
	}

	/**
	 * Adds a source of work other than HTTP requests, as each source's contributor does (a new
	 * one, such as JMS, too): its entry in {@code work}, where its units' {@code request_id} and
	 * {@code job} come from, and the fields of its completion line when it writes one.
	 * @param builder the description being built
	 * @param name the source's entry in {@code work}, such as {@code jobs}
	 * @param description the entry
	 * @param requestIdSource where a unit's {@code request_id} comes from
	 * @param jobSource what names a unit in {@code job}
	 * @param completion whether its units get a completion line
	 */
	public static void contribute(ContractDescriptor.Builder builder, String name, Object description,
			String requestIdSource, String jobSource, boolean completion) {
		builder.section("work", name, description)
			.fieldSource(CoreFields.REQUEST_ID, requestIdSource)
			.fieldSource(CoreFields.JOB, jobSource)
			.fieldPresence(CoreFields.JOB, Presence.IN_JOB);
		if (completion) {
			FieldDefinition.workCompletionFields().forEach((field) -> builder.field(FieldDescriptor.of(field)));
		}
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
