package io.fluxtail.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.fluxtail.ingest.IngestStatus;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.encoder.EncoderConfig;
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

	private static final List<String> COMPLETION_FIELDS = List.of(CoreFields.HTTP_METHOD, CoreFields.HTTP_ROUTE,
			CoreFields.HTTP_STATUS, CoreFields.DURATION_MS, CoreFields.OUTCOME);

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
				new TracingDescriptor((request != null) ? request.tracingSource() : NO_TRACING),
				RedactionDescriptor.of(config.redaction()),
				new StatsDescriptor(stats.eventsByLevel(), stats.defaultsApplied(), stats.conflictsRenamed(),
						stats.conflictsDropped(), redactions.redactionsByDetector(), redactions.truncations(),
						redactions.failuresByDetector(), (requestStats != null) ? requestStats.acceptedInboundIds() : 0,
						(requestStats != null) ? requestStats.rejectedInboundIds() : 0,
						(requestStats != null) ? requestStats.generatedIds() : 0,
						(requestStats != null) ? requestStats.completedRequests() : 0),
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
	 * Configured values are shown as redaction would write them (even with redaction off), checked
	 * by a copy of the policy so that calling the endpoint does not move the counters.
	 */
	private static List<FieldDescriptor> fields(ActiveContract active) {
		RedactionPolicy detection = active.config().redaction().uncounted();
		List<FieldDescriptor> fields = new ArrayList<>();
		for (FieldSpec field : active.config().contract().fields()) {
			fields.add(FieldDescriptor.of(field, sourceOf(field, active.request()),
					(field.value() != null) ? detection.redactNamedText(field.outputName(), field.value()) : null,
					presenceOf(field, active.request())));
		}
		if (active.switches() != null && active.switches().completion()) {
			COMPLETION_FIELDS.forEach((name) -> fields.add(FieldDescriptor.ofCompletionEvent(name)));
		}
		return fields;
	}

	/**
	 * In a web application the request context fills the MDC keys the encoder reads, so the
	 * request's id and trace ids really come from headers and the tracer.
	 */
	private static String sourceOf(FieldSpec field, @Nullable RequestContextDescription request) {
		if (request == null) {
			return field.source();
		}
		return switch (field.name()) {
			case CoreFields.REQUEST_ID -> "header:" + String.join("|", headers(request.settings())) + "|generated";
			case CoreFields.TRACE_ID, CoreFields.SPAN_ID -> switch (request.tracingSource()) {
				case InboundRequests.TRACEPARENT -> field.name().equals(CoreFields.TRACE_ID)
						? "header:" + InboundRequests.TRACEPARENT : field.source();
				case NO_TRACING -> field.source();
				default -> "tracer";
			};
			default -> field.source();
		};
	}

	private static String presenceOf(FieldSpec field, @Nullable RequestContextDescription request) {
		if (field.required()) {
			return FieldDescriptor.EVERY_LINE;
		}
		return switch (field.origin()) {
			case EVENT -> FieldDescriptor.WITH_EXCEPTION;
			case STATIC -> (field.value() != null) ? FieldDescriptor.EVERY_LINE : FieldDescriptor.WHEN_CONFIGURED;
			case MDC -> isTraced(field, request) ? FieldDescriptor.IN_TRACE : FieldDescriptor.WHEN_IN_MDC;
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
	 * @param ingest shipping to Fluxtail, {@code null} when not configured
	 */
	public record ActiveContract(boolean installed, @Nullable String reason, List<String> appenders,
			EncoderConfig config, @Nullable RequestContextDescription request,
			@Nullable RequestContextStats requestStats, @Nullable RequestContextSwitches switches,
			@Nullable IngestStatus ingest) {

	}

}
