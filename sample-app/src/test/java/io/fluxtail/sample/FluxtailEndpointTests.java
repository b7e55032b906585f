package io.fluxtail.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fluxtail.logging.contract.CoreFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/fluxtail} on the running sample app tells exactly what its lines carry:
 * checked against the lines it actually wrote.
 */
@ExtendWith(OutputCaptureExtension.class)
class FluxtailEndpointTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void endpointDescribesTheFieldsAndCountsOfTheLinesActuallyWritten(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(CheckoutApplication.class,
				"--server.port=0")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			post(port, "/orders", "req-from-upstream-1");
			get(port, "/gateway/latency", "not a safe id");
			awaitCompletionLines(output, 2);
			HttpResponse<String> response = get(port, "/actuator/fluxtail");
			List<JsonNode> lines = parse(output);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode contract = JSON.readTree(response.body());

			assertThat(contract.get("installed").asBoolean()).isTrue();
			assertThat(contract.get("format").asString()).isEqualTo("json");
			assertThat(contract.get("appenders").get(0).asString()).isEqualTo("CONSOLE");

			JsonNode order = lines.stream()
				.filter((line) -> line.get(CoreFields.MESSAGE).asString().equals("order accepted"))
				.findFirst()
				.orElseThrow();
			List<String> described = new ArrayList<>();
			contract.get("fields").forEach((field) -> described.add(field.get("name").asString()));
			List<String> written = new ArrayList<>();
			order.propertyNames().forEach(written::add);
			assertThat(written.subList(0, written.size() - 2))
				.as("the line's contract fields are the endpoint's fields, in the same order")
				.isEqualTo(described.stream().filter(written::contains).toList());

			JsonNode service = field(contract, CoreFields.SERVICE);
			assertThat(service.get("source").asString()).isEqualTo("property:spring.application.name");
			assertThat(service.get("value").asString()).isEqualTo(order.get(CoreFields.SERVICE).asString());
			assertThat(service.get("kind").asString()).isEqualTo("label");
			assertThat(service.get("required").asBoolean()).isTrue();
			assertThat(service.get("default").asString()).isEqualTo(CoreFields.MISSING);
			assertThat(field(contract, CoreFields.ENV).get("value").asString()).isEqualTo("prod");
			JsonNode requestId = field(contract, CoreFields.REQUEST_ID);
			assertThat(requestId.get("source").asString()).isEqualTo("header:X-Request-Id|X-Correlation-Id|generated");
			assertThat(field(contract, CoreFields.TRACE_ID).get("source").asString()).isEqualTo("header:traceparent");
			assertThat(requestId.get("kind").asString()).isEqualTo("metadata");
			assertThat(field(contract, CoreFields.REGION).get("required").asBoolean()).isFalse();

			Map<String, Long> linesByLevel = lines.stream()
				.collect(Collectors.groupingBy((line) -> line.get(CoreFields.LEVEL).asString(), Collectors.counting()));
			JsonNode stats = contract.get("stats");
			assertThat(stats.get("eventsByLevel").get("INFO").asLong()).isEqualTo(linesByLevel.get("INFO"));
			assertThat(stats.get("eventsByLevel").get("WARN").asLong()).isEqualTo(linesByLevel.get("WARN"));
			long defaultedRequestIds = lines.stream()
				.filter((line) -> line.get(CoreFields.REQUEST_ID).asString().equals(CoreFields.MISSING))
				.count();
			assertThat(stats.get("defaultsApplied").get(CoreFields.REQUEST_ID).asLong()).isEqualTo(defaultedRequestIds);

			JsonNode request = contract.get("request");
			assertThat(request.get("header").asString()).isEqualTo("X-Request-Id");
			assertThat(request.get("responseHeader").asString()).isEqualTo("X-Request-Id");
			assertThat(request.get("trustInbound").asBoolean()).isTrue();
			assertThat(order.get(CoreFields.REQUEST_ID).asString()).isEqualTo("req-from-upstream-1")
				.matches(request.get("idPattern").asString());
			JsonNode latency = lines.stream()
				.filter((line) -> line.get(CoreFields.MESSAGE).asString().equals("gateway latency high"))
				.findFirst()
				.orElseThrow();
			assertThat(latency.get(CoreFields.REQUEST_ID).asString())
				.matches(request.get("idPrefix").asString() + "[0-9a-f]{"
						+ request.get("generatedIdRandomHexDigits").asInt() + "}");
			assertThat(request.get("completion").get("enabled").asBoolean()).isTrue();
			assertThat(contract.get("tracing").get("source").asString()).isEqualTo("traceparent");
			assertThat(stats.get("acceptedInboundIds").asLong()).isEqualTo(1);
			assertThat(stats.get("rejectedInboundIds").asLong()).isEqualTo(1);
			assertThat(stats.get("completedRequests").asLong()).isEqualTo(2);
			assertThat(output.getOut()).doesNotContain("not a safe id");

			HttpResponse<String> one = get(port, "/actuator/fluxtail/" + CoreFields.ENV);
			assertThat(one.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(one.body()).get("value").asString()).isEqualTo("prod");
			assertThat(get(port, "/actuator/fluxtail/no_such_field").statusCode()).isEqualTo(404);
		}
	}

	private static JsonNode field(JsonNode contract, String name) {
		for (JsonNode field : contract.get("fields")) {
			if (field.get("name").asString().equals(name)) {
				return field;
			}
		}
		throw new AssertionError("No field " + name);
	}

	/** Completion lines are written once the response is sent: wait for them before counting. */
	private static void awaitCompletionLines(CapturedOutput output, long expected) throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			if (parse(output).stream()
				.filter((line) -> line.get(CoreFields.MESSAGE).asString().equals("request completed"))
				.count() >= expected) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Completion lines not written within 5 s");
	}

	private static List<JsonNode> parse(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> !line.isBlank()).map(JSON::readTree).toList();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void get(int port, String path, String requestId) throws Exception {
		this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("X-Request-Id", requestId)
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private void post(int port, String path, String requestId) throws Exception {
		this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("X-Request-Id", requestId)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

}
