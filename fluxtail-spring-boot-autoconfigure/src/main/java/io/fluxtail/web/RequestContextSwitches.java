package io.fluxtail.web;

import java.util.Map;

/**
 * Which parts of the request context really run in this application, read from the beans that
 * were created rather than from the properties that asked for them: a part that backed off (a
 * class is missing, a property turned it off) is off, with the reason.
 *
 * @param completion whether a {@code request completed} line is written per request
 * @param taskPropagation whether tasks on Boot's executors and schedulers carry the context
 * @param outboundPropagation whether outbound HTTP clients built from Boot's builders send the id
 * @param reactorContextPropagation whether Reactor's automatic context propagation carries the
 * context across operators
 * @param offReasons why each part that is off is off, by part name
 */
public record RequestContextSwitches(boolean completion, boolean taskPropagation, boolean outboundPropagation,
		boolean reactorContextPropagation, Map<String, String> offReasons) {

	public RequestContextSwitches {
		offReasons = Map.copyOf(offReasons);
	}

}
