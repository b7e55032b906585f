package io.fluxtail.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.fluxtail.autoconfigure.logging.FluxtailLoggingInstaller;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.redaction.RedactionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redaction costs the sample's normal lines nothing visible: every event the checkout API logs
 * from startup to shutdown, re-encoded with redaction off, gives exactly the bytes it printed with
 * redaction on.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedactionOnOffTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theSampleLinesAreByteIdenticalWithRedactionOnAndOff(CapturedOutput output) throws Exception {
		EventRecorder recorder = new EventRecorder();
		SpringApplication application = new SpringApplication(CheckoutApplication.class);
		application.addListeners(recorder);
		EncoderConfig installed;
		try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			call(port, "POST", "/orders?orderId=4921&totalCents=12999");
			call(port, "POST", "/payments/4921/retry");
			call(port, "GET", "/gateway/latency");
			call(port, "POST", "/login?userId=u-1042");
			call(port, "POST", "/payments/4921/capture");
			installed = context.getBean(LoggingInstallation.class).config();
		}
		assertThat(installed).isNotNull();
		assertThat(installed.redaction().policy().enabled()).isTrue();
		FluxtailEncoder on = encoder(installed);
		FluxtailEncoder off = encoder(installed.withRedaction(RedactionPolicy.disabled()));
		List<ILoggingEvent> events = recorder.events;
		assertThat(events).hasSizeGreaterThan(10);
		StringBuilder printed = new StringBuilder();
		for (ILoggingEvent event : events) {
			byte[] redacted = on.encode(event);
			assertThat(redacted).as(event.getFormattedMessage()).isEqualTo(off.encode(event));
			printed.append(new String(redacted, StandardCharsets.UTF_8));
		}
		assertThat(output.getOut()).contains(printed);
		assertThat(printed).contains("payment capture failed", "Caused by: java.net.SocketTimeoutException");
		assertThat(installed.redaction().stats().redactionsByDetector()).isEmpty();
	}

	private static FluxtailEncoder encoder(EncoderConfig config) {
		FluxtailEncoder encoder = new FluxtailEncoder(config);
		encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		encoder.start();
		return encoder;
	}

	private void call(int port, String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		this.http.send(request, HttpResponse.BodyHandlers.discarding());
	}

	/**
	 * Records every event from the moment Fluxtail's encoder is installed.
	 */
	static final class EventRecorder implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
			AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
				@Override
				protected void append(ILoggingEvent loggingEvent) {
					loggingEvent.prepareForDeferredProcessing();
					RedactionOnOffTests.EventRecorder.this.events.add(loggingEvent);
				}
			};
			appender.setContext(context);
			appender.setName("RECORDER");
			appender.start();
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
		}

		@Override
		public int getOrder() {
			return FluxtailLoggingInstaller.ORDER + 1;
		}

	}

}
