package io.fluxtail.web.client;

import java.io.IOException;

import io.fluxtail.logging.contract.CoreFields;
import org.slf4j.MDC;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the id of the request being served downstream, for {@code RestClient} and
 * {@code RestTemplate}. A header the caller set explicitly is left alone; outside a request
 * nothing is added.
 */
public final class RequestIdClientInterceptor implements ClientHttpRequestInterceptor {

	private final String header;

	/**
	 * Creates the interceptor.
	 * @param header the header to send the id in
	 */
	public RequestIdClientInterceptor(String header) {
		this.header = header;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String requestId = MDC.get(CoreFields.REQUEST_ID);
		if (requestId != null && !request.getHeaders().containsHeader(this.header)) {
			request.getHeaders().set(this.header, requestId);
		}
		return execution.execute(request, body);
	}

}
