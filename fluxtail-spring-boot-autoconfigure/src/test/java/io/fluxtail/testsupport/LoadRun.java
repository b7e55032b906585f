package io.fluxtail.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fluxtail.logging.contract.CoreFields;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.testsupport.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends many requests at once, each with its own id, to {@code /work/{n}}, whose handler ends each
 * message with {@code n}; then matches every captured line to its request.
 */
public final class LoadRun {

	private static final Pattern TRAILING_NUMBER = Pattern.compile(" (\\d+)$");

	private LoadRun() {
	}

	/**
	 * Sends {@code total} requests with at most {@code inFlight} outstanding, and waits (bounded)
	 * for every response.
	 */
	public static void send(int port, String header, int total, int inFlight) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Semaphore permits = new Semaphore(inFlight);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>(total);
		for (int n = 0; n < total; n++) {
			assertThat(permits.tryAcquire(30, TimeUnit.SECONDS)).as("a free slot within 30s").isTrue();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/work/" + n))
				.timeout(Duration.ofSeconds(30))
				.header(header, id(n))
				.build();
			responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> permits.release()));
		}
		CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		for (int n = 0; n < total; n++) {
			HttpResponse<String> response = responses.get(n).get();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue(header)).hasValue(id(n));
		}
	}

	public static String id(int n) {
		return "load-" + n;
	}

	/**
	 * Matches every handler and completion line to its request: returns the number of lines per
	 * request id after asserting none misses its id or carries another request's.
	 */
	public static Map<String, Integer> assertEveryLineMatchesItsRequest(LogLines logs, int total,
			int handlerLinesPerRequest) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		List<JsonNode> lines = logs.sinceMark();
		while (countCompletions(lines) < total && System.nanoTime() < deadline) {
			pause();
			lines = logs.sinceMark();
		}
		int missing = 0;
		int foreign = 0;
		List<String> examples = new ArrayList<>();
		Map<String, Integer> perRequest = new HashMap<>();
		for (JsonNode line : lines) {
			String logger = text(line, CoreFields.LOGGER);
			if (!"test.handler".equals(logger) && !"io.fluxtail.request".equals(logger)) {
				continue;
			}
			String requestId = text(line, CoreFields.REQUEST_ID);
			String owner = owner(line);
			if (requestId == null || requestId.equals(CoreFields.MISSING)) {
				missing++;
				examples.add("missing: " + line);
			}
			else if (!requestId.equals(owner)) {
				foreign++;
				examples.add("foreign: " + line);
			}
			else {
				perRequest.merge(requestId, 1, Integer::sum);
			}
		}
		assertThat(examples).as("lines without their request's id").isEmpty();
		assertThat(missing).isZero();
		assertThat(foreign).isZero();
		assertThat(perRequest).hasSize(total);
		assertThat(perRequest.values()).allSatisfy((count) -> assertThat(count).isEqualTo(handlerLinesPerRequest + 1));
		return perRequest;
	}

	/**
	 * The request a line belongs to, from its own content: the number ending a handler's message,
	 * or the path of a completion event's request (which only the route shows, so it is matched by
	 * its id's shape).
	 */
	private static String owner(JsonNode line) {
		Matcher matcher = TRAILING_NUMBER.matcher(String.valueOf(text(line, CoreFields.MESSAGE)));
		if (matcher.find()) {
			return id(Integer.parseInt(matcher.group(1)));
		}
		return text(line, CoreFields.REQUEST_ID);
	}

	private static long countCompletions(List<JsonNode> lines) {
		return lines.stream().filter((line) -> "request completed".equals(text(line, CoreFields.MESSAGE))).count();
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
