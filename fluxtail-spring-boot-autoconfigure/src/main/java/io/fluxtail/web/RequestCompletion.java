package io.fluxtail.web;

import java.util.List;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.propagation.CompletionWriter;
import io.fluxtail.propagation.CompletionWriter.CompletionFields;
import io.fluxtail.propagation.Outcome;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.WorkStats;
import io.fluxtail.propagation.WorkUnit;
import io.fluxtail.propagation.WorkUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The HTTP rules of the {@code request completed} line, for both web stacks: which paths get none,
 * the route a request is written under, the status of a request that failed, and its
 * {@link Outcome} (so its level: ERROR for a 5xx, INFO otherwise, as a 4xx is the client's
 * mistake, not the service's). The line is written on the logger {@value #LOGGER_NAME} by the
 * completion writer all units of work share.
 */
public final class RequestCompletion {

	/** Name of the logger the completion event is written on. */
	public static final String LOGGER_NAME = "io.fluxtail.request";

	/** Message of the completion event. */
	public static final String MESSAGE = "request completed";

	private final List<PathPattern> excludedPaths;

	/**
	 * What each excluded pattern's matches start with: its text before the segment holding the
	 * first wildcard or variable ({@code /actuator} for {@code /actuator/**}).
	 */
	private final List<String> excludedPrefixes;

	private final RequestContextStats stats;

	private final WorkUnits units;

	/**
	 * Creates the rules.
	 * @param excludedPaths path patterns, such as {@code /actuator/**}, of requests left out
	 * @param stats where completed requests are counted
	 * @throws org.springframework.web.util.pattern.PatternParseException when a pattern is invalid
	 */
	public RequestCompletion(List<String> excludedPaths, RequestContextStats stats) {
		this(excludedPaths, stats, null);
	}

	/**
	 * Creates the rules for requests that may keep debug lines.
	 * @param excludedPaths path patterns, such as {@code /actuator/**}, of requests left out
	 * @param stats where completed requests are counted
	 * @param debug keeps debug lines per request, {@code null} when neither debug-on-error nor
	 * debug on demand is on
	 * @throws org.springframework.web.util.pattern.PatternParseException when a pattern is invalid
	 */
	public RequestCompletion(List<String> excludedPaths, RequestContextStats stats, @Nullable DebugLines debug) {
		this.excludedPaths = excludedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.excludedPrefixes = excludedPaths.stream().map(RequestCompletion::literalPrefix).toList();
		this.stats = stats;
		this.units = new WorkUnits(new CompletionWriter(LOGGER_NAME, MESSAGE), this::isExcluded, new WorkStats(),
				debug);
	}

	/**
	 * Returns the units of requests, which get a completion line unless their path is excluded.
	 * @return the units
	 */
	WorkUnits units() {
		return this.units;
	}

	/**
	 * Whether requests to a path get no completion event.
	 * @param path the path within the application, without query string
	 * @return whether the path is excluded
	 */
	public boolean isExcluded(String path) {
		if (this.excludedPaths.isEmpty() || !mayBeExcluded(path)) {
			return false;
		}
		PathContainer container = PathContainer.parsePath(path);
		for (PathPattern pattern : this.excludedPaths) {
			if (pattern.matches(container)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A path that starts with no excluded pattern's literal prefix matches none, which spares
	 * parsing it on every request. An encoded ({@code %}) or matrix ({@code ;}) path is parsed.
	 */
	private boolean mayBeExcluded(String path) {
		if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
			return true;
		}
		for (String prefix : this.excludedPrefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String literalPrefix(String pattern) {
		int wildcard = pattern.length();
		for (char special : new char[] { '*', '?', '{' }) {
			int index = pattern.indexOf(special);
			if (index >= 0) {
				wildcard = Math.min(wildcard, index);
			}
		}
		return (wildcard == pattern.length()) ? pattern : pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', wildcard - 1)));
	}

	/**
	 * Ends a request, once, writing its completion line with the current thread's MDC, which must
	 * hold the request's context.
	 * @param unit the request's unit of work
	 * @param method the HTTP method
	 * @param route the matched route template, {@code null} when no handler matched
	 * @param status the response status as set so far
	 * @param ending how the request's handling ended
	 */
	public void complete(WorkUnit unit, String method, @Nullable String route, int status, Ending ending) {
		int finalStatus = finalStatus(status, ending);
		Outcome outcome = outcome(status, ending);
		String writtenRoute = (route != null) ? route : routeWithoutHandler(finalStatus);
		boolean written = unit.complete(outcome, null, (line) -> line.addKeyValue(CoreFields.HTTP_METHOD, method)
			.addKeyValue(CoreFields.HTTP_ROUTE, writtenRoute)
			.addKeyValue(CoreFields.HTTP_STATUS, finalStatus));
		if (written) {
			this.stats.completed();
		}
	}

	/**
	 * Ends a request without a completion line (switched off): its debug lines are still written
	 * when it failed.
	 * @param unit the request's unit of work
	 * @param status the response status as set so far
	 * @param ending how the request's handling ended
	 */
	public static void completeWithoutLine(WorkUnit unit, int status, Ending ending) {
		unit.complete(outcome(status, ending), null, CompletionFields.NONE);
	}

	private static Outcome outcome(int status, Ending ending) {
		return (ending == Ending.CANCELLED) ? Outcome.CANCELLED : Outcome.ofStatus(finalStatus(status, ending));
	}

	/**
	 * The container (or WebFlux) turns an escaped exception into a 500 once handling is over.
	 */
	private static int finalStatus(int status, Ending ending) {
		return (ending == Ending.FAILED && status < 500) ? 500 : status;
	}

	/**
	 * Names a request no handler matched without using its raw path, which would make the field
	 * unbounded, as Spring's own observation conventions do.
	 */
	private static String routeWithoutHandler(int status) {
		if (status == 404) {
			return "NOT_FOUND";
		}
		return (status >= 300 && status < 400) ? "REDIRECTION" : "UNKNOWN";
	}

	/**
	 * How the handling of a request ended.
	 */
	public enum Ending {

		/** A response was produced, whatever its status. */
		RESPONDED,

		/** An exception escaped the handling. */
		FAILED,

		/** The client went away before the response. */
		CANCELLED

	}

}
