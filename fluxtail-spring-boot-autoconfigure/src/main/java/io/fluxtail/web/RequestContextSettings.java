package io.fluxtail.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The request context settings in effect, validated.
 *
 * @param header the header the request id is read from, echoed on and sent downstream in
 * @param alternativeHeaders other headers an inbound id is accepted from, after {@code header}
 * @param trustInbound whether a safe inbound id is kept rather than always generating one
 * @param idPrefix the prefix of generated ids
 * @param traceparentFallback whether a W3C {@code traceparent} header provides {@code trace_id}
 * when no tracer is active
 * @param outboundPropagation whether outbound HTTP calls carry the request id
 * @param taskPropagation whether tasks on Boot's executors and schedulers carry the request
 * context
 * @param reactorAutomaticPropagation whether Reactor's automatic context propagation is switched on
 * @param completionEnabled whether a {@code request completed} line is written per request
 * @param completionExcludedPaths path patterns of requests without a completion line
 */
public record RequestContextSettings(String header, List<String> alternativeHeaders, boolean trustInbound,
		String idPrefix, boolean traceparentFallback, boolean outboundPropagation, boolean taskPropagation,
		boolean reactorAutomaticPropagation, boolean completionEnabled, List<String> completionExcludedPaths) {

	public RequestContextSettings {
		alternativeHeaders = List.copyOf(alternativeHeaders);
		completionExcludedPaths = List.copyOf(completionExcludedPaths);
	}

	/**
	 * Returns every header an inbound id is read from, in the order they are tried.
	 * @return {@code header}, then the alternative headers
	 */
	public List<String> idHeaders() {
		List<String> headers = new ArrayList<>(this.alternativeHeaders.size() + 1);
		headers.add(this.header);
		headers.addAll(this.alternativeHeaders);
		return headers;
	}

}
