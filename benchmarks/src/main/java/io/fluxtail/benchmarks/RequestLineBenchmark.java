package io.fluxtail.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import io.fluxtail.autoconfigure.logging.FluxtailSettings;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.web.InboundRequests;
import io.fluxtail.web.RequestCompletion;
import io.fluxtail.web.RequestContextSettings;
import io.fluxtail.web.servlet.RequestContextServletFilter;
import jakarta.servlet.FilterChain;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The logging work of one request to the sample app's trivial {@code GET /ping}, on the request's
 * thread, side by side (the CPU part of the wrk comparison in {@code benchmarks/request-context}):
 * <ul>
 * <li>{@code bootOneLine}: plain Spring Boot writing one line per request, with Boot's default
 * console pattern as its {@code defaults.xml} defines it;</li>
 * <li>{@code starter}: the starter's request-context filter and its JSON completion line, with the
 * sample app's configuration;</li>
 * <li>{@code contextOnly}: the filter with the completion line off.</li>
 * </ul>
 * Every candidate resets the same mock request and response, and writes to a stream that discards
 * the bytes: the write system call, one per line for both, is left out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestLineBenchmark {

	private static final FilterChain NOTHING = (request, response) -> {
	};

	private final Discard discard = new Discard();

	private Logger bootLogger;

	private RequestContextServletFilter starter;

	private RequestContextServletFilter contextOnly;

	@State(Scope.Thread)
	public static class Exchange {

		final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ping");

		final MockHttpServletResponse response = new MockHttpServletResponse();

		void reset() {
			this.request.clearAttributes();
			this.response.reset();
		}

	}

	@Setup
	public void setUp() throws JoranException {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
		this.bootLogger = bootLogger(context);
		routeToStarterEncoder(context);
		RequestContextSettings settings = new RequestContextSettings("X-Request-Id", List.of("X-Correlation-Id"),
				true, "req-", true, true, true, true, true, List.of("/actuator", "/actuator/**"));
		RequestContextStats stats = new RequestContextStats();
		RequestIds ids = new RequestIds("req-", true, stats);
		RequestCompletion completion = new RequestCompletion(settings.completionExcludedPaths(), stats);
		this.starter = new RequestContextServletFilter(new InboundRequests(settings, ids, null, completion), completion);
		this.contextOnly = new RequestContextServletFilter(new InboundRequests(settings, ids, null, null), null);
	}

	/**
	 * Boot's console line: {@code defaults.xml}'s conversion rules and pattern, with the values
	 * Boot's logging system sets for the sample app.
	 */
	private Logger bootLogger(LoggerContext context) throws JoranException {
		String xml = """
				<configuration>
				  <property name="PID" value="48213"/>
				  <property name="APPLICATION_NAME" value="checkout-api"/>
				  <include resource="org/springframework/boot/logging/logback/defaults.xml"/>
				  <appender name="BOOT" class="ch.qos.logback.core.ConsoleAppender">
				    <encoder><pattern>${CONSOLE_LOG_PATTERN}</pattern><charset>UTF-8</charset></encoder>
				  </appender>
				  <logger name="checkout.ping" level="DEBUG" additivity="false"><appender-ref ref="BOOT"/></logger>
				</configuration>
				""";
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		Logger logger = context.getLogger("checkout.ping");
		((OutputStreamAppender<ILoggingEvent>) logger.getAppender("BOOT")).setOutputStream(this.discard);
		return logger;
	}

	private void routeToStarterEncoder(LoggerContext context) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("sample-app",
					Map.of("spring.application.name", "checkout-api", "fluxtail.environment", "prod",
							"fluxtail.version", "1.4.2", "fluxtail.instance", "local")));
		FluxtailEncoder encoder = StartedEncoders.started(
				new FluxtailEncoder(FluxtailSettings.encoderConfig(FluxtailSettings.bind(environment), environment)),
				context);
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setEncoder(encoder);
		appender.setOutputStream(this.discard);
		appender.start();
		Logger logger = context.getLogger(RequestCompletion.LOGGER_NAME);
		logger.setLevel(Level.INFO);
		logger.setAdditive(false);
		logger.addAppender(appender);
	}

	@Benchmark
	public void bootOneLine(Exchange exchange) {
		exchange.reset();
		this.bootLogger.debug("ping answered");
	}

	@Benchmark
	public void starter(Exchange exchange) throws Exception {
		exchange.reset();
		this.starter.doFilter(exchange.request, exchange.response, NOTHING);
	}

	@Benchmark
	public void contextOnly(Exchange exchange) throws Exception {
		exchange.reset();
		this.contextOnly.doFilter(exchange.request, exchange.response, NOTHING);
	}

	@TearDown
	public void checkLinesWereWritten(BenchmarkParams params) {
		if (!params.getBenchmark().endsWith("contextOnly") && this.discard.bytes < 1000) {
			throw new IllegalStateException("Only " + this.discard.bytes + " bytes written: a candidate wrote nothing");
		}
	}

	/** Takes the lines and drops them, counting their bytes so that no write can be skipped. */
	private static final class Discard extends OutputStream {

		private volatile long bytes;

		@Override
		public void write(int b) {
			this.bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes += len;
		}

	}

}
