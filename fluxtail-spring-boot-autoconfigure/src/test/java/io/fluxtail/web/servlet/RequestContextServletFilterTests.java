package io.fluxtail.web.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestContextSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The filter alone, on one thread, for what a container does after an exception escapes the
 * request: it logs (the context must still be there), and may or may not run an error dispatch.
 */
class RequestContextServletFilterTests {

	private final RequestContextServletFilter filter = new RequestContextServletFilter(
			new InboundRequests(new RequestContextSettings("X-Request-Id", List.of(), true, "req-", true, false, false,
					false, false, List.of()), new RequestIds("req-", true, new RequestContextStats()), null, null),
			null);

	/**
	 * With a {@code ServletRequestListener} registered, Tomcat builds an event for every request
	 * attribute Spring sets (about 4% of a trivial endpoint); docs/request-context.md says the
	 * filter is not one.
	 */
	@Test
	void theFilterIsNotARequestListener() {
		assertThat(ServletRequestListener.class.isAssignableFrom(RequestContextServletFilter.class)).isFalse();
	}

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void afterAnEscapedExceptionTheContextStaysForTheContainersLineUntilTheNextDispatchOnTheThread()
			throws Exception {
		MDC.put("worker", "w-1");
		MockHttpServletRequest failing = request("failed-1");
		assertThatExceptionOfType(ServletException.class).isThrownBy(() -> this.filter.doFilter(failing,
				new MockHttpServletResponse(), new MockFilterChain(new FailingServlet())));
		assertThat(MDC.get(CoreFields.REQUEST_ID)).as("for the container's error line").isEqualTo("failed-1");

		List<Map<String, String>> seen = new ArrayList<>();
		this.filter.doFilter(request("next-1"), new MockHttpServletResponse(),
				(request, response) -> seen.add(MDC.getCopyOfContextMap()));

		assertThat(seen).singleElement()
			.satisfies((mdc) -> assertThat(mdc).containsEntry(CoreFields.REQUEST_ID, "next-1")
				.containsEntry("worker", "w-1")
				.hasSize(2));
		assertThat(MDC.getCopyOfContextMap()).as("the thread's MDC of before the failed request")
			.isEqualTo(Map.of("worker", "w-1"));
	}

	@Test
	void anErrorDispatchPutsBackTheMdcOfBeforeTheRequest() throws Exception {
		MockHttpServletRequest failing = request("failed-2");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> this.filter.doFilter(failing, response, new MockFilterChain(new FailingServlet())));
		failing.setDispatcherType(DispatcherType.ERROR);
		List<String> ids = new ArrayList<>();
		this.filter.doFilter(failing, response, (request, ignored) -> ids.add(MDC.get(CoreFields.REQUEST_ID)));
		assertThat(ids).containsExactly("failed-2");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	private static MockHttpServletRequest request(String id) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders");
		request.addHeader("X-Request-Id", id);
		return request;
	}

	static class FailingServlet extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
			throw new ServletException("boom");
		}

	}

}
