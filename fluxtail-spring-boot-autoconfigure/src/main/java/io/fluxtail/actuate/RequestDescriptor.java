package io.fluxtail.actuate;

import java.util.List;
import java.util.Map;


/**
 * How requests get their id and completion line.
 *
 * @param header the header an inbound id is read from and the id is echoed on
 * @param alternativeHeaders other headers an inbound id is accepted from
 * @param responseHeader the response header carrying the id
 * @param trustInbound whether a safe inbound id is kept rather than always generating one
 * @param idPattern what an inbound id must match to be kept
 * @param idPrefix the prefix of generated ids
 * @param generatedIdRandomHexDigits the hex digits of randomness after the prefix
 * @param traceparentFallback whether a W3C {@code traceparent} header gives {@code trace_id}
 * without a tracer
 * @param outboundPropagation whether outbound HTTP calls really carry the id
 * @param taskPropagation whether tasks on Boot's executors really carry the request context
 * @param reactorContextPropagation whether Reactor's automatic context propagation is really on
 * @param completion the {@code request completed} line
 * @param offReasons why each switch that is off is off, by switch name
 */
public record RequestDescriptor(String header, List<String> alternativeHeaders, String responseHeader,
		boolean trustInbound, String idPattern, String idPrefix, int generatedIdRandomHexDigits,
		boolean traceparentFallback, boolean outboundPropagation, boolean taskPropagation,
		boolean reactorContextPropagation, Completion completion, Map<String, String> offReasons) {


	/**
	 * The completion line.
	 *
	 * @param enabled whether one {@code request completed} line is written per request
	 * @param excludedPaths path patterns without a completion line
	 */
	public record Completion(boolean enabled, List<String> excludedPaths) {

	}

}
