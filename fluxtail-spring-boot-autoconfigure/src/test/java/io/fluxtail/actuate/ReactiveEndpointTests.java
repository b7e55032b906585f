package io.fluxtail.actuate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.testsupport.Exclusions;
import io.fluxtail.testsupport.LocalHttp;
import io.fluxtail.testsupport.LogLines;
import io.fluxtail.web.RequestCompletion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/fluxtail} on a WebFlux application (Reactor Netty, OpenTelemetry bridge),
 * checked against the lines that application actually wrote.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveEndpointTests {

	private final LocalHttp http = new LocalHttp();

	@Test
	void endpointDescribesTheLinesOfAWebFluxApplication(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReactiveApplication.class)
			.web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.application.name=inventory", "fluxtail.environment=staging",
					"fluxtail.region=eu-west-1", "management.endpoints.web.exposure.include=fluxtail",
					"management.tracing.sampling.probability=1.0",
					Exclusions.REACTIVE_OPENTELEMETRY)
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> item = get(port, "/items/42", "inv-req-1");
			assertThat(item.statusCode()).isEqualTo(200);
			awaitCompletionLine(output, "inv-req-1");
			HttpResponse<String> response = get(port, "/actuator/fluxtail", "inv-req-2");
			assertThat(response.statusCode()).isEqualTo(200);
			List<JsonNode> lines = parse(output);
			JsonNode contract = LogLines.parse(response.body());

			JsonNode itemLine = lines.stream()
				.filter((line) -> line.get(CoreFields.MESSAGE).asString().equals("loading item"))
				.findFirst()
				.orElseThrow();
			assertThat(contract.get("installed").asBoolean()).isTrue();
			List<String> described = new ArrayList<>();
			contract.get("fields").forEach((field) -> described.add(field.get("name").asString()));
			List<String> written = new ArrayList<>();
			itemLine.propertyNames().forEach(written::add);
			assertThat(written.stream().filter(described::contains).toList())
				.as("the line's contract fields are the endpoint's fields, in the same order")
				.isEqualTo(described.stream().filter(written::contains).toList());
			assertThat(written).last().isEqualTo("item_id");
			assertThat(written).contains(CoreFields.TRACE_ID, CoreFields.SPAN_ID, CoreFields.REGION);

			assertThat(contract.get("tracing").get("source").asString()).isEqualTo("micrometer-otel");
			contract.get("fields").forEach((field) -> {
				String name = field.get("name").asString();
				if (name.equals(CoreFields.TRACE_ID) || name.equals(CoreFields.SPAN_ID)) {
					assertThat(field.get("source").asString()).isEqualTo("tracer");
				}
			});
			assertThat(itemLine.get(CoreFields.TRACE_ID).asString()).matches("[0-9a-f]{32}");
			assertThat(itemLine.get(CoreFields.REQUEST_ID).asString()).isEqualTo("inv-req-1")
				.matches(contract.get("request").get("idPattern").asString());
			assertThat(contract.get("request").get("completion").get("excludedPaths").toString())
				.contains("/actuator/**");

			Map<String, Long> linesByLevel = lines.stream()
				.collect(Collectors.groupingBy((line) -> line.get(CoreFields.LEVEL).asString(), Collectors.counting()));
			JsonNode stats = contract.get("stats");
			assertThat(stats.get("eventsByLevel").get("INFO").asLong()).isEqualTo(linesByLevel.get("INFO"));
			assertThat(stats.get("acceptedInboundIds").asLong()).isEqualTo(2);
			assertThat(stats.get("completedRequests").asLong()).isEqualTo(1);
			JsonNode region = LogLines.parse(get(port, "/actuator/fluxtail/" + CoreFields.REGION, "inv-req-3").body());
			assertThat(region.get("value").asString()).isEqualTo(itemLine.get(CoreFields.REGION).asString());
		}
	}

	private static void awaitCompletionLine(CapturedOutput output, String requestId) throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			if (parse(output).stream()
				.anyMatch((line) -> line.get(CoreFields.MESSAGE).asString().equals(RequestCompletion.MESSAGE)
						&& line.get(CoreFields.REQUEST_ID).asString().equals(requestId))) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No completion line for " + requestId + " within 5 s");
	}

	private static List<JsonNode> parse(CapturedOutput output) {
		return LogLines.jsonLines(output.getOut());
	}

	private HttpResponse<String> get(int port, String path, String requestId) throws Exception {
		return this.http.get(port, path, "X-Request-Id", requestId);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ReactiveApplication.Items.class)
	static class ReactiveApplication {

		@RestController
		static class Items {

			private static final Logger log = LoggerFactory.getLogger("inventory.api");

			@GetMapping("/items/{id}")
			Mono<Map<String, Object>> item(@PathVariable String id) {
				return Mono.fromCallable(() -> {
					log.atInfo().addKeyValue("item_id", id).log("loading item");
					return Map.of("id", id);
				});
			}

		}

	}

}
