package io.fluxtail.web.servlet;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

/**
 * Watches the MDC of the container's threads around the request context filter: each request
 * starts and ends (after any error page) with an empty MDC, and a dispatch that ends normally
 * leaves the MDC exactly as it found it, a key of its own included.
 */
class MdcProbeFilter implements Filter, ServletRequestListener {

	static final String SENTINEL = "probe";

	private static final String ESCAPED = MdcProbeFilter.class.getName() + ".escaped";

	final List<String> violations = new CopyOnWriteArrayList<>();

	/** Requests whose end was checked, so a test can tell that the probe really ran. */
	final AtomicInteger checkedRequests = new AtomicInteger();

	/** Dispatches the filter watched. */
	final AtomicInteger checkedDispatches = new AtomicInteger();

	@Override
	public void requestInitialized(ServletRequestEvent event) {
		checkEmpty(event.getServletRequest(), "started with");
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		if (!event.getServletRequest().isAsyncStarted()) {
			checkEmpty(event.getServletRequest(), "ended with");
			this.checkedRequests.incrementAndGet();
		}
	}

	private void checkEmpty(ServletRequest request, String what) {
		Map<String, String> mdc = MDC.getCopyOfContextMap();
		if (mdc != null && !mdc.isEmpty()) {
			this.violations.add(((HttpServletRequest) request).getRequestURI() + " " + what + " " + mdc);
		}
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String where = ((HttpServletRequest) request).getRequestURI() + " " + request.getDispatcherType();
		// After an escaped exception the context is kept into the error dispatch, which then puts back
		// the MDC of before the request: checked at request level (requestDestroyed), not here.
		boolean afterEscape = request.getAttribute(ESCAPED) != null;
		this.checkedDispatches.incrementAndGet();
		MDC.put(SENTINEL, where);
		Map<String, String> before = MDC.getCopyOfContextMap();
		boolean escaped = true;
		try {
			chain.doFilter(request, response);
			escaped = false;
		}
		finally {
			Map<String, String> after = MDC.getCopyOfContextMap();
			if (escaped) {
				request.setAttribute(ESCAPED, true);
			}
			else if (!afterEscape && !Objects.equals(before, after)) {
				this.violations.add(where + " left " + after + " instead of " + before);
			}
			MDC.remove(SENTINEL);
		}
	}

}
