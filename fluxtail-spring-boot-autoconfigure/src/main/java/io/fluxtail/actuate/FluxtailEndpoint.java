package io.fluxtail.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.fluxtail.ingest.IngestStatus;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.Presence;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.output.QueuedAppender;
import io.fluxtail.logging.redaction.RedactionListener;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.RedactionStats;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestContextDescription;
import io.fluxtail.web.RequestContextSettings;
import io.fluxtail.web.RequestContextSwitches;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/fluxtail}: the field contract the service's lines carry right now, read from
 * the same configuration objects the running encoders use.
 */
@Endpoint(id = "fluxtail")
public class FluxtailEndpoint {

	/** Tracing source shown when no request context runs (not a web application). */
	static final String NO_TRACING = "none";

	private final Supplier<ActiveContract> activeContract;

	/**
	 * Creates an endpoint.
	 * @param activeContract reads the contract in use each time the endpoint is called
	 */
	public FluxtailEndpoint(Supplier<ActiveContract> activeContract) {
		this.activeContract = activeContract;
	}

	@ReadOperation
	public ContractDescriptor contract() {
		ActiveContract active = this.activeContract.get();
		EncoderConfig config = active.config();
		ContractStats stats = config.stats();
		RedactionStats redactions = config.redaction().stats();
		RequestContextDescription request = active.request();
		RequestContextStats requestStats = active.requestStats();
		return new ContractDescriptor(active.installed(), active.reason(), config.format().name().toLowerCase(Locale.ROOT),
				active.appenders(), fields(active),
				(request != null && active.switches() != null) ? RequestDescriptor.of(request.settings(), active.switches())
						: null,
				active.work(),
				new TracingDescriptor((request != null) ? request.tracingSource() : NO_TRACING),
				RedactionDescriptor.of(config.redaction().policy()),
				new StatsDescriptor(stats.eventsByLevel(), stats.defaultsApplied(), stats.conflictsRenamed(),
						stats.conflictsDropped(), stats.serializationFailures(), stats.encoderErrors(),
						redactions.redactionsByDetector(), redactions.truncations(),
						redactions.failuresByDetector(), (requestStats != null) ? requestStats.acceptedInboundIds() : 0,
						(requestStats != null) ? requestStats.rejectedInboundIds() : 0,
						(requestStats != null) ? requestStats.generatedIds() : 0,
						(requestStats != null) ? requestStats.completedRequests() : 0),
				OutputDescriptor.of(active.queue()),
				(active.ingest() != null) ? IngestDescriptor.of(active.ingest()) : null);
	}

	@ReadOperation
	public @Nullable FieldDescriptor field(@Selector String name) {
		return fields(this.activeContract.get()).stream()
			.filter((field) -> field.name().equals(name))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Configured values are shown as redaction would write them (even with redaction off), counting
	 * nothing, so that calling the endpoint does not move the counters.
	 */
	private static List<FieldDescriptor> fields(ActiveContract active) {
		RedactionPolicy detection = active.config().redaction().policy().detection();
		List<FieldDescriptor> fields = new ArrayList<>();
		WorkDescriptor work = active.work();
		for (FieldSpec field : active.config().contract().fields()) {
			fields.add(FieldDescriptor.of(field, sourceOf(field, active),
					(field.value() != null)
							? detection.redactNamedText(field.outputName(), field.value(), RedactionListener.none()) : null,
					presenceOf(field, active)));
		}
		if (active.switches() != null && active.switches().completion()) {
			FieldDefinition.completionFields().forEach((field) -> fields.add(FieldDescriptor.of(field)));
		}
		else if (work.writesCompletionEvents()) {
			FieldDefinition.workCompletionFields().forEach((field) -> fields.add(FieldDescriptor.of(field)));
		}
		if (work.messages() != null) {
			FieldDefinition.recordFields().forEach((field) -> fields.add(FieldDescriptor.of(field)));
		}
		return fields;
	}

	/**
	 * The request context, job runs and Kafka listeners fill the MDC keys the encoder reads, so
	 * the ids really come from headers, the tracer, job runs and record headers.
	 */
	private static String sourceOf(FieldSpec field, ActiveContract active) {
		RequestContextDescription request = active.request();
		return switch (field.name()) {
			case CoreFields.REQUEST_ID -> requestIdSource(field, request, active.work());
			case CoreFields.JOB -> jobSource(field, active.work());
			case CoreFields.TRACE_ID, CoreFields.SPAN_ID -> (request == null) ? field.source().describe()
					: switch (request.tracingSource()) {
						case InboundRequests.TRACEPARENT -> field.name().equals(CoreFields.TRACE_ID)
								? "header:" + InboundRequests.TRACEPARENT : field.source().describe();
						case NO_TRACING -> field.source().describe();
						default -> "tracer";
					};
			default -> field.source().describe();
		};
	}

	private static String requestIdSource(FieldSpec field, @Nullable RequestContextDescription request,
			WorkDescriptor work) {
		List<String> sources = new ArrayList<>();
		if (request != null) {
			sources.add("header:" + String.join("|", headers(request.settings())) + "|generated");
		}
		if (work.jobs() != null) {
			sources.add("job-run");
		}
		if (work.messages() != null) {
			sources.add("message-header:" + work.messages().header() + "|generated");
		}
		return sources.isEmpty() ? field.source().describe() : String.join("|", sources);
	}

	private static String jobSource(FieldSpec field, WorkDescriptor work) {
		List<String> sources = new ArrayList<>();
		if (work.jobs() != null) {
			sources.add("scheduled-task");
		}
		if (work.messages() != null) {
			sources.add("listener-id");
		}
		return sources.isEmpty() ? field.source().describe() : String.join("|", sources);
	}

	/**
	 * The catalogue says which lines carry a field when every capability runs; what runs here
	 * narrows it.
	 */
	private static Presence presenceOf(FieldSpec field, ActiveContract active) {
		FieldDefinition definition = field.definition();
		if (definition == null) {
			return (field.value() != null) ? Presence.EVERY_LINE : Presence.WHEN_CONFIGURED;
		}
		WorkDescriptor work = active.work();
		return switch (definition.presence()) {
			case WHEN_CONFIGURED -> (field.value() != null) ? Presence.EVERY_LINE : Presence.WHEN_CONFIGURED;
			case IN_JOB -> (work.jobs() != null || work.messages() != null) ? Presence.IN_JOB : Presence.WHEN_IN_MDC;
			case IN_TRACE -> isTraced(field, active.request()) ? Presence.IN_TRACE : Presence.WHEN_IN_MDC;
			default -> definition.presence();
		};
	}

	/**
	 * A tracer gives both ids; without one, an inbound {@code traceparent} gives the trace id only.
	 */
	private static boolean isTraced(FieldSpec field, @Nullable RequestContextDescription request) {
		if (request == null || NO_TRACING.equals(request.tracingSource())) {
			return false;
		}
		return !InboundRequests.TRACEPARENT.equals(request.tracingSource()) || field.name().equals(CoreFields.TRACE_ID);
	}

	private static List<String> headers(RequestContextSettings settings) {
		List<String> headers = new ArrayList<>();
		headers.add(settings.header());
		headers.addAll(settings.alternativeHeaders());
		return headers;
	}

	/**
	 * The contract in use and how it got there.
	 *
	 * @param installed whether the starter installed its encoder
	 * @param reason why not, {@code null} when it did
	 * @param appenders the appenders carrying a Fluxtail encoder
	 * @param config the configuration of those encoders, or the one they would get
	 * @param request the request context in effect, {@code null} outside web applications
	 * @param requestStats the request context's counters, {@code null} outside web applications
	 * @param switches which parts of the request context really run, {@code null} outside web
	 * applications
	 * @param queue the queue in front of the appenders, {@code null} when output is synchronous
	 * @param work how job runs and consumed records get their ids
	 * @param ingest shipping to Fluxtail, {@code null} when not configured
	 */
	public record ActiveContract(boolean installed, @Nullable String reason, List<String> appenders,
			EncoderConfig config, @Nullable RequestContextDescription request,
			@Nullable RequestContextStats requestStats, @Nullable RequestContextSwitches switches,
			@Nullable QueuedAppender queue, WorkDescriptor work, @Nullable IngestStatus ingest) {

	}

}
