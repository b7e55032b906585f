package io.fluxtail.web;

import java.util.function.Function;

import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugOnDemand;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.propagation.TraceIds;
import io.fluxtail.propagation.TraceParent;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkStats;
import io.fluxtail.propagation.WorkUnits;
import org.jspecify.annotations.Nullable;

/**
 * Opens the unit of work of an inbound request from its headers: its {@link WorkContext} and,
 * unless switched off or excluded by path, its completion line. Both web stacks use this one
 * object, so they apply the same trust rule.
 */
public final class InboundRequests {

	/** The W3C trace context header. */
	public static final String TRACEPARENT = "traceparent";

	private final RequestContextSettings settings;

	private final RequestIds requestIds;

	private final @Nullable CurrentTrace tracer;

	private final WorkUnits units;

	private final String[] idHeaders;

	private final @Nullable DebugOnDemand debugOnDemand;

	/**
	 * Creates the resolver of requests without debug-on-error or debug on demand.
	 * @param settings the settings in effect
	 * @param requestIds validates inbound ids and generates fresh ones
	 * @param tracer the application's tracer, {@code null} when it has none
	 * @param completion the completion line's rules, {@code null} when switched off
	 */
	public InboundRequests(RequestContextSettings settings, RequestIds requestIds, @Nullable CurrentTrace tracer,
			@Nullable RequestCompletion completion) {
		this(settings, requestIds, tracer, completion, null, null);
	}

	/**
	 * Creates the resolver.
	 * @param settings the settings in effect
	 * @param requestIds validates inbound ids and generates fresh ones
	 * @param tracer the application's tracer, {@code null} when it has none
	 * @param completion the completion line's rules, {@code null} when switched off
	 * @param debug keeps debug lines per request, {@code null} when neither debug-on-error nor
	 * debug on demand is on
	 * @param debugOnDemand checks the requests' debug tokens, {@code null} when debug on demand is
	 * off
	 */
	public InboundRequests(RequestContextSettings settings, RequestIds requestIds, @Nullable CurrentTrace tracer,
			@Nullable RequestCompletion completion, @Nullable DebugLines debug, @Nullable DebugOnDemand debugOnDemand) {
		this.settings = settings;
		this.requestIds = requestIds;
		this.tracer = tracer;
		this.units = (completion != null) ? completion.units()
				: new WorkUnits(null, (path) -> true, new WorkStats(), debug);
		this.idHeaders = settings.idHeaders().toArray(String[]::new);
		this.debugOnDemand = debugOnDemand;
	}

	/**
	 * Opens the unit of work of a new request.
	 * @param headers reads the first value of a request header, {@code null} when absent
	 * @param path the path within the application, for the completion line's exclusions
	 * @return the request
	 */
	public InboundRequest open(Function<String, @Nullable String> headers, String path) {
		String token = (this.debugOnDemand != null)
				? this.debugOnDemand.validToken(headers.apply(this.debugOnDemand.header()), path) : null;
		return new InboundRequest(this.units.open(context(headers), path, token));
	}

	/**
	 * Resolves the context of a new request. The first of the id headers present decides: a safe
	 * value is kept, anything else is replaced by a fresh id and counted.
	 */
	private WorkContext context(Function<String, @Nullable String> headers) {
		String inbound = null;
		for (String header : this.idHeaders) {
			inbound = headers.apply(header);
			if (inbound != null) {
				break;
			}
		}
		String requestId = this.requestIds.resolve(inbound);
		TraceIds traceIds = null;
		if (this.tracer == null && this.settings.traceparentFallback()) {
			TraceParent traceParent = TraceParent.parse(headers.apply(TRACEPARENT));
			if (traceParent != null) {
				traceIds = new TraceIds(traceParent.traceId(), null);
			}
		}
		return WorkContext.http(requestId, traceIds);
	}

	/**
	 * Returns the ids of the span in scope on this thread.
	 * @return the ids, {@code null} without a tracer or outside any span
	 */
	public @Nullable TraceIds currentTrace() {
		return (this.tracer != null) ? this.tracer.current() : null;
	}

	/**
	 * Whether the application has a tracer whose spans provide the trace ids.
	 * @return whether a tracer is active
	 */
	public boolean hasTracer() {
		return this.tracer != null;
	}

	/**
	 * Returns the header the request id is echoed on and sent downstream in.
	 * @return the header name
	 */
	public String header() {
		return this.settings.header();
	}

	/**
	 * Describes the settings and the trace source in effect.
	 * @return the description
	 */
	public RequestContextDescription description() {
		String source;
		if (this.tracer != null) {
			source = this.tracer.source();
		}
		else {
			source = this.settings.traceparentFallback() ? TRACEPARENT : "none";
		}
		return new RequestContextDescription(this.settings, source);
	}

}
