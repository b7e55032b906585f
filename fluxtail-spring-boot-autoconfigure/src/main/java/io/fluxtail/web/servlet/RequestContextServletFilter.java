package io.fluxtail.web.servlet;

import java.io.IOException;

import io.fluxtail.propagation.MdcSnapshot;
import io.fluxtail.web.InboundRequest;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
import io.fluxtail.web.RequestCompletion.Ending;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the request's context in the MDC for every dispatch of a request (the request itself, its
 * async dispatches and its error dispatch), echoes the id on the response and writes the
 * completion event. The thread's MDC is put back exactly as it was after each dispatch, or, when
 * an exception escapes, once the container has logged it and rendered the error page: the error
 * dispatch puts it back, or, when none follows (the response was already committed), the next
 * dispatch on that thread does so before anything else.
 *
 * <p>
 * Deliberately not a {@code ServletRequestListener}: with any request listener registered,
 * Tomcat creates an event object for every request attribute set or removed (a Spring MVC request
 * sets a dozen), which cost about 4% of a trivial endpoint's throughput.
 */
public final class RequestContextServletFilter extends OncePerRequestFilter {

	private static final String STATE_ATTRIBUTE = RequestContextServletFilter.class.getName() + ".state";

	/** The MDC of before a request whose context was kept after an escaped exception, on this thread. */
	private static final ThreadLocal<MdcSnapshot> KEPT_CONTEXT_RESTORE = new ThreadLocal<>();

	private final InboundRequests inbound;

	private final @Nullable RequestCompletion completion;

	/**
	 * Creates the filter.
	 * @param inbound resolves the context of new requests
	 * @param completion writes the completion event, {@code null} when switched off
	 */
	public RequestContextServletFilter(InboundRequests inbound, @Nullable RequestCompletion completion) {
		this.inbound = inbound;
		this.completion = completion;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		InboundRequest state = (InboundRequest) request.getAttribute(STATE_ATTRIBUTE);
		if (state == null) {
			state = this.inbound.open(request::getHeader, pathWithinApplication(request));
			request.setAttribute(STATE_ATTRIBUTE, state);
		}
		if (!response.containsHeader(this.inbound.header())) {
			response.setHeader(this.inbound.header(), state.requestId());
		}
		MdcSnapshot kept = KEPT_CONTEXT_RESTORE.get();
		if (kept != null) {
			KEPT_CONTEXT_RESTORE.remove();
			kept.close();
		}
		// Inside the tracer's scope the tracer's own MDC keys carry the trace; the error dispatch
		// runs outside it, so there the ids seen earlier in the request are written by Fluxtail.
		MdcSnapshot previous = state.unit().enter(state.contextFor(this.inbound.currentTrace()));
		boolean keepContext = false;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			// The container logs the escaped exception and runs the error page after this filter
			// returns, on this thread: the context stays until the error dispatch, or the next
			// dispatch on this thread, puts the MDC back.
			keepContext = request.getDispatcherType() == DispatcherType.REQUEST;
			if (!request.isAsyncStarted()) {
				complete(state, request, response, Ending.FAILED);
			}
			throw ex;
		}
		finally {
			if (keepContext) {
				// The tracer's scope closes before the container logs: its ids are written by
				// Fluxtail from here on.
				state.contextOutsideSpan().applyToMdc();
				KEPT_CONTEXT_RESTORE.set(previous);
			}
			else {
				if (!request.isAsyncStarted()) {
					complete(state, request, response, Ending.RESPONDED);
				}
				previous.close();
			}
		}
	}

	private void complete(InboundRequest state, HttpServletRequest request, HttpServletResponse response,
			Ending ending) {
		if (this.completion != null) {
			Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			this.completion.complete(state.unit(), request.getMethod(), (route != null) ? route.toString() : null,
					response.getStatus(), ending);
		}
		else {
			RequestCompletion.completeWithoutLine(state.unit(), response.getStatus(), ending);
		}
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
