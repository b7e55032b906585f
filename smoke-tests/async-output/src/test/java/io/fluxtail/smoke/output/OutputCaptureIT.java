package io.fluxtail.smoke.output;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.fluxtail.smoke.LogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own {@code @SpringBootTest} with Spring Boot's output capture: with the default
 * synchronous output every line is captured before the logging call returns.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OutputCaptureIT {

	@LocalServerPort
	private int port;

	@Test
	void outputCaptureSeesEveryLineLoggedDuringTheRequest(CapturedOutput output) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/levels?events=30")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode logged = LogLines.parse(response.body()).get("logged");
		long captured = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains("\"logger\":\"smoke.burst\""))
			.count();
		// DEBUG is off: the INFO and WARN events, every one of them
		assertThat(captured).isEqualTo(logged.get("INFO").asInt() + logged.get("WARN").asInt());
	}

}
