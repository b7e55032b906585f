package io.fluxtail.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The whole active contract.
 *
 * @param installed whether the starter installed its encoder on Spring Boot's appenders
 * @param reason why it did not, {@code null} when it did
 * @param format the active line format
 * @param appenders the appenders that carry a Fluxtail encoder
 * @param fields every field in output order
 * @param request how requests get their id, {@code null} outside web applications
 * @param work how job runs and consumed records get their id
 * @param tracing where trace ids come from
 * @param redaction what is removed from lines, and how
 * @param stats counters since start
 * @param output where the lines go: directly, or through the queue
 * @param ingest shipping to Fluxtail, {@code null} when no ingest is configured
 */
public record ContractDescriptor(boolean installed, @Nullable String reason, String format, List<String> appenders,
		List<FieldDescriptor> fields, @Nullable RequestDescriptor request, WorkDescriptor work, TracingDescriptor tracing,
		RedactionDescriptor redaction, StatsDescriptor stats, OutputDescriptor output,
		@Nullable IngestDescriptor ingest) {

}
