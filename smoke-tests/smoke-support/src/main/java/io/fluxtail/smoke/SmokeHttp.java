package io.fluxtail.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTP calls to a smoke application on loopback.
 */
public final class SmokeHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	static {
		// One connection per call: JDK 17's pooled HTTP/1.1 connections to Reactor Netty left about
		// one response in 3,000 never completed, with or without the starter (checked with
		// fluxtail.enabled=false); "Connection: close" gave 0 in 4,800.
		System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
	}

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final int port;

	/**
	 * Creates a client of the application on the given port.
	 * @param port the application's port
	 */
	public SmokeHttp(int port) {
		this.port = port;
	}

	/**
	 * Sends a GET request.
	 * @param path the path and query
	 * @param headers header names and values, alternating
	 * @return the response
	 */
	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	/**
	 * Sends a POST request without a body.
	 * @param path the path and query
	 * @param headers header names and values, alternating
	 * @return the response
	 */
	public HttpResponse<String> post(String path, String... headers) {
		return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(TIMEOUT)
			.header("Connection", "close");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " " + request.headers().map(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Calls the paths in turn, {@code requests} times with {@code concurrency} in flight, each call
	 * with its own {@code X-Request-Id} ({@code load-<n>}), also passed as the {@code probe}
	 * parameter; asserts that each answers 200 with its own id echoed and as the body.
	 * @param paths handler paths that answer their probe
	 * @param requests how many calls
	 * @param concurrency how many in flight
	 */
	public void callEachWithItsOwnId(List<String> paths, int requests, int concurrency) {
		List<HttpResponse<String>> responses = concurrently(requests, concurrency, (i) -> {
			String id = "load-" + i;
			return get(paths.get(i % paths.size()) + "?probe=" + id, "X-Request-Id", id);
		});
		for (int i = 0; i < requests; i++) {
			HttpResponse<String> response = responses.get(i);
			assertThat(response.statusCode()).as("status of load-" + i).isEqualTo(200);
			assertThat(response.headers().firstValue("X-Request-Id")).hasValue("load-" + i);
			assertThat(response.body()).isEqualTo("load-" + i);
		}
	}

	/**
	 * Runs {@code count} calls with {@code concurrency} in flight at once, and waits (bounded) for all.
	 * @param <T> what each call returns
	 * @param count how many calls
	 * @param concurrency how many in flight
	 * @param call the call for an index
	 * @return the results in index order
	 */
	public static <T> List<T> concurrently(int count, int concurrency, IntFunction<T> call) {
		ExecutorService executor = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<T>> futures = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(executor.submit(() -> call.apply(index)));
			}
			List<T> results = new ArrayList<>(count);
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			for (Future<T> future : futures) {
				results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			return results;
		}
		catch (ExecutionException ex) {
			throw new AssertionError("A call failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Calls did not finish within 2 minutes", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
