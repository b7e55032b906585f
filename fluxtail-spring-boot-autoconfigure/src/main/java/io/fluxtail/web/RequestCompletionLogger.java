package io.fluxtail.web;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.RequestContextStats;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes one {@code request completed} line per request, on the logger
 * {@value #LOGGER_NAME}: ERROR for a 5xx status, INFO otherwise (a 4xx is the client's
 * mistake, not the service's).
 */
public final class RequestCompletionLogger {

	/** Name of the logger the completion event is written on. */
	public static final String LOGGER_NAME = "io.fluxtail.request";

	/** Message of the completion event. */
	public static final String MESSAGE = "request completed";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private final List<PathPattern> excludedPaths;

	/**
	 * What each excluded pattern's matches start with: its text before the segment holding the
	 * first wildcard or variable ({@code /actuator} for {@code /actuator/**}).
	 */
	private final List<String> excludedPrefixes;

	private final RequestContextStats stats;

	/**
	 * Creates the logger.
	 * @param excludedPaths path patterns, such as {@code /actuator/**}, of requests left out
	 * @param stats where completed requests are counted
	 * @throws org.springframework.web.util.pattern.PatternParseException when a pattern is invalid
	 */
	public RequestCompletionLogger(List<String> excludedPaths, RequestContextStats stats) {
		this.excludedPaths = excludedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.excludedPrefixes = excludedPaths.stream().map(RequestCompletionLogger::literalPrefix).toList();
		this.stats = stats;
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
	 * Writes the completion event with the current thread's MDC, which must hold the request's
	 * context.
	 * @param method the HTTP method
	 * @param route the matched route template, {@code null} when no handler matched
	 * @param status the response status
	 * @param outcome the outcome, {@code null} to derive it from the status
	 * @param startNanos {@link System#nanoTime()} when the request arrived
	 */
	public void completed(String method, @Nullable String route, int status, @Nullable String outcome,
			long startNanos) {
		long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
		Level level = (status >= 500) ? Level.ERROR : Level.INFO;
		if (!logger.isEnabledForLevel(level)) {
			return;
		}
		try {
			logger.atLevel(level)
				.addKeyValue(CoreFields.HTTP_METHOD, method)
				.addKeyValue(CoreFields.HTTP_ROUTE, (route != null) ? route : routeWithoutHandler(status))
				.addKeyValue(CoreFields.HTTP_STATUS, status)
				.addKeyValue(CoreFields.DURATION_MS, durationMs)
				.addKeyValue(CoreFields.OUTCOME, (outcome != null) ? outcome : outcome(status))
				.log(MESSAGE);
			this.stats.completed();
		}
		catch (RuntimeException ex) {
			// A request never fails because its log line could not be written.
		}
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
	 * Returns the outcome of a status, named as Micrometer's HTTP outcomes.
	 * @param status the status
	 * @return the outcome
	 */
	public static String outcome(int status) {
		if (status >= 100 && status < 200) {
			return "INFORMATIONAL";
		}
		if (status >= 200 && status < 300) {
			return "SUCCESS";
		}
		if (status >= 300 && status < 400) {
			return "REDIRECTION";
		}
		if (status >= 400 && status < 500) {
			return "CLIENT_ERROR";
		}
		return (status >= 500 && status < 600) ? "SERVER_ERROR" : "UNKNOWN";
	}

}
