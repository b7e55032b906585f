package io.fluxtail.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.fluxtail.logging.contract.CoreFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample checkout API, started as {@code java -jar} would start it, on a random port: every
 * line it writes from startup to graceful shutdown is one JSON object with the contract, and each
 * scenario's line carries its business fields with their types.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckoutLogLinesTests {

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyScenarioWritesContractLinesWithTypedBusinessFields(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(CheckoutApplication.class,
				"--server.port=0")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(call(port, "POST", "/orders?orderId=4921&totalCents=12999")).isEqualTo(200);
			assertThat(call(port, "POST", "/payments/4921/retry")).isEqualTo(502);
			assertThat(call(port, "GET", "/gateway/latency")).isEqualTo(200);
			assertThat(call(port, "POST", "/login?userId=u-1042")).isEqualTo(401);
			assertThat(call(port, "POST", "/payments/4921/capture")).isEqualTo(502);
		}
		List<JsonNode> lines = output.getOut().lines().filter((line) -> !line.isBlank()).map(STRICT::readTree).toList();
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.get(CoreFields.SERVICE).asString()).isEqualTo("checkout-api");
			assertThat(line.get(CoreFields.ENV).asString()).isEqualTo("prod");
			assertThat(line.get(CoreFields.VERSION).asString()).isEqualTo("1.4.2");
			assertThat(line.has(CoreFields.REQUEST_ID)).isTrue();
		});
		assertThat(lines).anyMatch((line) -> message(line).startsWith("Started "))
			.anyMatch((line) -> message(line).equals("Graceful shutdown complete"));

		JsonNode order = line(lines, "order accepted");
		assertThat(order.get(CoreFields.LEVEL).asString()).isEqualTo("INFO");
		assertThat(order.get("order_id").isNumber()).isTrue();
		assertThat(order.get("order_id").asLong()).isEqualTo(4921);
		assertThat(order.get("total_cents").asLong()).isEqualTo(12999);

		JsonNode retry = line(lines, "payment retry failed after 3 attempts");
		assertThat(retry.get(CoreFields.LEVEL).asString()).isEqualTo("WARN");
		assertThat(retry.get("attempts").asInt()).isEqualTo(3);

		JsonNode latency = line(lines, "gateway latency high");
		assertThat(latency.get(CoreFields.LEVEL).asString()).isEqualTo("WARN");
		assertThat(latency.get("duration_ms").isNumber()).isTrue();

		JsonNode login = line(lines, "login rejected");
		assertThat(login.get(CoreFields.LEVEL).asString()).isEqualTo("INFO");
		assertThat(login.get("user_id").asString()).isEqualTo("u-1042");
		assertThat(login.get("reason").asString()).isEqualTo("bad_credentials");

		JsonNode capture = line(lines, "payment capture failed");
		assertThat(capture.get(CoreFields.LEVEL).asString()).isEqualTo("ERROR");
		assertThat(capture.get(CoreFields.ERROR_TYPE).asString()).endsWith("CaptureFailedException");
		assertThat(capture.get(CoreFields.STACK_TRACE).asString()).contains("at io.fluxtail.sample.PaymentGateway.capture")
			.contains("Caused by: java.net.SocketTimeoutException: Read timed out after 2000 ms");
	}

	private int call(int port, String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String message(JsonNode line) {
		return line.get(CoreFields.MESSAGE).asString();
	}

	private static JsonNode line(List<JsonNode> lines, String message) {
		return lines.stream()
			.filter((line) -> message(line).equals(message))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line '" + message + "'"));
	}

}
