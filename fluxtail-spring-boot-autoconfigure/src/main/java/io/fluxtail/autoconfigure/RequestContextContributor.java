package io.fluxtail.autoconfigure;

import java.util.List;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FieldDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.RequestDescriptor;
import io.fluxtail.actuate.TracingDescriptor;
import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.Presence;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestContextDescription;
import io.fluxtail.web.RequestContextSettings;
import io.fluxtail.web.RequestContextSwitches;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The request context's part of {@code /actuator/fluxtail}: its {@code request} and
 * {@code tracing} sections, where {@code request_id} and the trace ids come from, the completion
 * line's fields and the request counters.
 */
final class RequestContextContributor implements FluxtailContributor {

	private static final String NO_TRACING = "none";

	private final InboundRequests inboundRequests;

	private final RequestContextStats stats;

	private final ConfigurableListableBeanFactory beans;

	private final FluxtailProperties.Request properties;

	RequestContextContributor(InboundRequests inboundRequests, RequestContextStats stats,
			ConfigurableListableBeanFactory beans, FluxtailProperties.Request properties) {
		this.inboundRequests = inboundRequests;
		this.stats = stats;
		this.beans = beans;
		this.properties = properties;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		RequestContextDescription description = this.inboundRequests.description();
		RequestContextSettings settings = description.settings();
		// Read on each call: which parts really run depends on beans created after this one.
		RequestContextSwitches switches = RequestSwitches.read(this.beans, this.properties);
		builder.section("request", describe(settings, switches))
			.section("tracing", new TracingDescriptor(description.tracingSource()))
			.fieldSource(CoreFields.REQUEST_ID, "header:" + String.join("|", settings.idHeaders()) + "|generated")
			.stat("acceptedInboundIds", this.stats.acceptedInboundIds())
			.stat("rejectedInboundIds", this.stats.rejectedInboundIds())
			.stat("generatedIds", this.stats.generatedIds())
			.stat("completedRequests", this.stats.completedRequests());
		traceFields(builder, description.tracingSource());
		if (switches.completion()) {
			FieldDefinition.completionFields().forEach((field) -> builder.field(FieldDescriptor.of(field)));
		}
	}

	/**
	 * A tracer gives both ids; without one, an inbound {@code traceparent} gives the trace id only.
	 */
	private static void traceFields(ContractDescriptor.Builder builder, String tracingSource) {
		if (NO_TRACING.equals(tracingSource)) {
			return;
		}
		if (InboundRequests.TRACEPARENT.equals(tracingSource)) {
			builder.fieldSource(CoreFields.TRACE_ID, "header:" + InboundRequests.TRACEPARENT)
				.fieldPresence(CoreFields.TRACE_ID, Presence.IN_TRACE);
			return;
		}
		for (String field : List.of(CoreFields.TRACE_ID, CoreFields.SPAN_ID)) {
			builder.fieldSource(field, "tracer").fieldPresence(field, Presence.IN_TRACE);
		}
	}

	private static RequestDescriptor describe(RequestContextSettings settings, RequestContextSwitches switches) {
		return new RequestDescriptor(settings.header(), settings.alternativeHeaders(), settings.header(),
				settings.trustInbound(), RequestIds.ID_PATTERN, settings.idPrefix(), RequestIds.RANDOM_HEX_LENGTH,
				settings.traceparentFallback(), switches.outboundPropagation(), switches.taskPropagation(),
				switches.reactorContextPropagation(),
				new RequestDescriptor.Completion(switches.completion(), settings.completionExcludedPaths()),
				switches.offReasons());
	}

}
