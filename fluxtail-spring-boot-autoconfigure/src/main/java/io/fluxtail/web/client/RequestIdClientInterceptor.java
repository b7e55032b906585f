package io.fluxtail.web.client;

import java.io.IOException;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.UnitDebug;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the id of the request being served downstream, for {@code RestClient} and
 * {@code RestTemplate}, and, when configured, the debug token of a request served with debug on
 * demand. A header the caller set explicitly is left alone; outside a request nothing is added.
 */
public final class RequestIdClientInterceptor implements ClientHttpRequestInterceptor {

	private final String header;

	private final @Nullable String debugHeader;

	/**
	 * Creates the interceptor.
	 * @param header the header to send the id in
	 */
	public RequestIdClientInterceptor(String header) {
		this(header, null);
	}

	/**
	 * Creates the interceptor that also sends on the debug token of a request served with debug on
	 * demand.
	 * @param header the header to send the id in
	 * @param debugHeader the header to send the token in, {@code null} to send none
	 */
	public RequestIdClientInterceptor(String header, @Nullable String debugHeader) {
		this.header = header;
		this.debugHeader = debugHeader;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String requestId = MDC.get(CoreFields.REQUEST_ID);
		if (requestId != null && !request.getHeaders().containsHeader(this.header)) {
			request.getHeaders().set(this.header, requestId);
		}
		UnitDebug debug = UnitDebug.onThread();
		String token = (debug != null) ? debug.forwardedToken() : null;
		if (this.debugHeader != null && token != null && !request.getHeaders().containsHeader(this.debugHeader)) {
			request.getHeaders().set(this.debugHeader, token);
		}
		return execution.execute(request, body);
	}

}
