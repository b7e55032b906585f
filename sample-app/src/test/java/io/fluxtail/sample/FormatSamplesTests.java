package io.fluxtail.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's line of each format, from the sample app's {@code POST /orders}: only the time and
 * the thread differ from run to run.
 */
@ExtendWith(OutputCaptureExtension.class)
class FormatSamplesTests {

	private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

	private static final String THREAD = "http-nio-[\\w-]+-exec-\\d+";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"--fluxtail.format=json | '\\{\"timestamp\":\"TIME\",\"level\":\"INFO\",\"logger\":\"checkout.api\",\"thread\":\"THREAD\",\"message\":\"order accepted\",\"service\":\"checkout-api\",\"env\":\"prod\",\"request_id\":\"req-9f2c\",\"version\":\"1.4.2\",\"instance\":\"local\",\"order_id\":4921,\"total_cents\":12999\\}'",
			"--fluxtail.format=logfmt | 'timestamp=TIME level=INFO logger=checkout.api service=checkout-api env=prod request_id=req-9f2c version=1.4.2 instance=local thread=THREAD message=\"order accepted\" order_id=4921 total_cents=12999'",
			"--fluxtail.format=text | 'TIME INFO checkout.api service=checkout-api env=prod request_id=req-9f2c version=1.4.2 instance=local thread=THREAD order accepted order_id=4921 total_cents=12999'",
			"--fluxtail.schema=ecs | '\\{\"@timestamp\":\"TIME\",\"log.level\":\"INFO\",\"message\":\"order accepted\",\"log.logger\":\"checkout.api\",\"process.thread.name\":\"THREAD\",\"ecs.version\":\"8.11\",\"service.name\":\"checkout-api\",\"service.environment\":\"prod\",\"http.request.id\":\"req-9f2c\",\"service.version\":\"1.4.2\",\"service.node.name\":\"local\",\"order_id\":4921,\"total_cents\":12999\\}'" })
	void theOrderLineHasTheReadmeShape(String format, String line, CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = SpringApplication.run(CheckoutApplication.class,
				"--server.port=0", "--fluxtail.instance=local", format)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpRequest order = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/orders?orderId=4921&totalCents=12999"))
				.header("X-Request-Id", "req-9f2c")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build();
			assertThat(HttpClient.newHttpClient().send(order, HttpResponse.BodyHandlers.discarding()).statusCode())
				.isEqualTo(200);
		}
		String pattern = line.replace("TIME", TIME).replace("THREAD", THREAD);
		assertThat(output.getOut().lines()).anyMatch((written) -> written.matches(pattern));
	}

}
