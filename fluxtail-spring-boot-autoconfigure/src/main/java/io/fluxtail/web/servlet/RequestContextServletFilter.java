package io.fluxtail.web.servlet;

import java.io.IOException;

import io.fluxtail.propagation.MdcSnapshot;
import io.fluxtail.propagation.RequestContext;
import io.fluxtail.propagation.TraceIds;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletionLogger;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the request's context in the MDC for every dispatch of a request (the request itself, its
 * async dispatches and its error dispatch), echoes the id on the response and writes the
 * completion event. The thread's MDC is put back exactly as it was after each dispatch, or, when
 * an exception escapes, once the container has logged it and rendered the error page. Register it
 * as a {@link ServletRequestListener} too, which restores the MDC when no error dispatch follows.
 */
public final class RequestContextServletFilter extends OncePerRequestFilter implements ServletRequestListener {

	private static final String STATE_ATTRIBUTE = RequestContextServletFilter.class.getName() + ".state";

	private final InboundRequests inbound;

	private final @Nullable RequestCompletionLogger completion;

	/**
	 * Creates the filter.
	 * @param inbound resolves the context of new requests
	 * @param completion writes the completion event, {@code null} when switched off
	 */
	public RequestContextServletFilter(InboundRequests inbound, @Nullable RequestCompletionLogger completion) {
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
		RequestState state = (RequestState) request.getAttribute(STATE_ATTRIBUTE);
		if (state == null) {
			state = new RequestState(this.inbound.open(request::getHeader), System.nanoTime());
			request.setAttribute(STATE_ATTRIBUTE, state);
		}
		if (!response.containsHeader(this.inbound.header())) {
			response.setHeader(this.inbound.header(), state.context.requestId());
		}
		MdcSnapshot previous = state.takePendingRestore();
		if (previous == null) {
			previous = MdcSnapshot.capture();
		}
		boolean keepContext = false;
		try {
			contextForThisDispatch(state).applyToMdc();
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			// The container logs the escaped exception and runs the error page after this filter
			// returns, on this thread: the context stays until the error dispatch or the end of
			// the request (requestDestroyed) puts the MDC back.
			keepContext = request.getDispatcherType() == DispatcherType.REQUEST;
			if (!request.isAsyncStarted()) {
				complete(state, request, response, ex);
			}
			throw ex;
		}
		finally {
			if (keepContext) {
				// The tracer's scope closes before the container logs: its ids are written by
				// Fluxtail from here on.
				state.contextOutsideSpan().applyToMdc();
				state.pendingRestore(previous);
			}
			else {
				if (!request.isAsyncStarted()) {
					complete(state, request, response, null);
				}
				previous.close();
			}
		}
	}

	/**
	 * Puts the MDC back when a request ends while its context was kept for the container's error
	 * handling and no error dispatch did it.
	 */
	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		if (event.getServletRequest().getAttribute(STATE_ATTRIBUTE) instanceof RequestState state) {
			MdcSnapshot previous = state.takePendingRestore();
			if (previous != null) {
				previous.close();
			}
		}
	}

	/**
	 * Inside the tracer's scope the tracer's own MDC keys carry the trace; the error dispatch runs
	 * outside it, so there the ids seen earlier in the request are written by Fluxtail instead.
	 */
	private RequestContext contextForThisDispatch(RequestState state) {
		TraceIds live = this.inbound.currentTrace();
		if (live != null) {
			if (state.tracerIds == null) {
				state.tracerIds = live;
			}
			return state.context;
		}
		return state.contextOutsideSpan();
	}

	private void complete(RequestState state, HttpServletRequest request, HttpServletResponse response,
			@Nullable Throwable failure) {
		if (this.completion == null || state.completed) {
			return;
		}
		state.completed = true;
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (this.completion.isExcluded(path)) {
			return;
		}
		int status = response.getStatus();
		if (failure != null && status < 500) {
			// The container turns an escaped exception into a 500 after this filter returns.
			status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		}
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		this.completion.completed(request.getMethod(), (route != null) ? route.toString() : null, status, null,
				state.startNanos);
	}

	/**
	 * What a request keeps between its dispatches, as a request attribute.
	 */
	private static final class RequestState {

		private final RequestContext context;

		private final long startNanos;

		private volatile @Nullable TraceIds tracerIds;

		private volatile boolean completed;

		private @Nullable MdcSnapshot pendingRestore;

		private @Nullable Thread pendingThread;

		RequestState(RequestContext context, long startNanos) {
			this.context = context;
			this.startNanos = startNanos;
		}

		RequestContext contextOutsideSpan() {
			return this.context.withTraceIdsSeen(this.tracerIds);
		}

		synchronized void pendingRestore(MdcSnapshot snapshot) {
			this.pendingRestore = snapshot;
			this.pendingThread = Thread.currentThread();
		}

		/**
		 * Returns the MDC to put back, when kept on this very thread; another thread's MDC is not
		 * this thread's to restore.
		 */
		synchronized @Nullable MdcSnapshot takePendingRestore() {
			MdcSnapshot snapshot = this.pendingRestore;
			if (snapshot == null || this.pendingThread != Thread.currentThread()) {
				return null;
			}
			this.pendingRestore = null;
			this.pendingThread = null;
			return snapshot;
		}

	}

}
