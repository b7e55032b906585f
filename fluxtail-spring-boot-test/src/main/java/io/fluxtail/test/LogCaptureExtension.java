package io.fluxtail.test;

import java.util.Arrays;
import java.util.Iterator;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Captures the lines the application logs while one test method runs, and gives them to the
 * test as a {@link CapturedLogs} parameter. Each event is encoded by the starter's encoder with
 * the configuration given to {@link #withConfig}, else the one the application's own context
 * installed (in a Spring test), else the one of the first Fluxtail encoder on the root logger's
 * appenders (which an earlier Spring test in the same JVM may have left), else the default
 * contract in JSON.
 *
 * <p>
 * Capture is per JVM: every line written by any thread between the test's {@code @BeforeEach}
 * and {@code @AfterEach} callbacks belongs to the test (the request's server threads, {@code @Async}
 * and Reactor threads included). Tests that run at the same time in one JVM each see the other's
 * lines: narrow by request id, or keep log-asserting tests out of parallel execution. Work still
 * running when the test method returns is not captured: wait for it in the test.
 */
public final class LogCaptureExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LogCaptureExtension.class);

	private final @Nullable EncoderConfig config;

	/**
	 * Creates the extension that finds the configuration itself, for {@code @ExtendWith}.
	 */
	public LogCaptureExtension() {
		this.config = null;
	}

	private LogCaptureExtension(EncoderConfig config) {
		this.config = config;
	}

	/**
	 * Returns an extension that encodes with a given configuration, for
	 * {@code @RegisterExtension} in a test without Spring.
	 * @param config the configuration, such as {@code EncoderConfig.defaults(LogFormat.LOGFMT)}
	 * @return the extension
	 */
	public static LogCaptureExtension withConfig(EncoderConfig config) {
		return new LogCaptureExtension(config);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		EncoderConfig config = (this.config != null) ? this.config : config(context, loggerContext);
		LineCapture capture = new LineCapture(config, loggerContext);
		capture.attach();
		context.getStore(NAMESPACE).put(LineCapture.class, capture);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		LineCapture capture = context.getStore(NAMESPACE).remove(LineCapture.class, LineCapture.class);
		if (capture != null) {
			capture.detach();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == CapturedLogs.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		LineCapture capture = context.getStore(NAMESPACE).get(LineCapture.class, LineCapture.class);
		if (capture == null) {
			throw new IllegalStateException("CapturedLogs is a parameter of test methods only");
		}
		return new CapturedLogs(capture::lines, capture.lineContext());
	}

	private static EncoderConfig config(ExtensionContext context, LoggerContext loggerContext) {
		EncoderConfig config = isSpringTest(context) ? installed(SpringExtension.getApplicationContext(context)) : null;
		if (config == null) {
			config = onRootAppenders(loggerContext);
		}
		return (config != null) ? config : EncoderConfig.defaults(LogFormat.JSON);
	}

	/**
	 * The configuration the installer built for this test's context, which a context restarted
	 * from Spring's cache keeps even when another context re-initialized Logback since.
	 */
	private static @Nullable EncoderConfig installed(ApplicationContext context) {
		LoggingInstallation installation = context.getBeanProvider(LoggingInstallation.class).getIfAvailable();
		if (installation == null) {
			return null;
		}
		EncoderConfig config = installation.decision().config();
		return (config != null) ? config : installation.config();
	}

	private static @Nullable EncoderConfig onRootAppenders(LoggerContext loggerContext) {
		Iterator<Appender<ILoggingEvent>> appenders = loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.iteratorForAppenders();
		while (appenders.hasNext()) {
			if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> stream
					&& stream.getEncoder() instanceof FluxtailEncoder encoder && encoder.getConfig() != null) {
				return encoder.getConfig();
			}
		}
		return null;
	}

	/**
	 * Whether the test class, or a class it is nested in, runs with Spring's extension.
	 */
	private static boolean isSpringTest(ExtensionContext context) {
		for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
			if (MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
				.stream(ExtendWith.class)
				.anyMatch((extendWith) -> Arrays.asList(extendWith.getClassArray("value")).contains(SpringExtension.class))) {
				return true;
			}
		}
		return false;
	}

}
