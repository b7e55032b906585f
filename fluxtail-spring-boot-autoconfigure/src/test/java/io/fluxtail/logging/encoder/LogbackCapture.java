package io.fluxtail.logging.encoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import org.slf4j.spi.MDCAdapter;

/**
 * A real Logback {@link LoggerContext} whose logger writes through one or more Fluxtail encoders,
 * each into its own buffer, so a test can log through SLF4J and read back every byte written.
 */
final class LogbackCapture {

	private final LoggerContext context = new LoggerContext();

	private final Logger logger;

	private final Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();

	LogbackCapture() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.context.start();
		this.logger = this.context.getLogger("corpus");
		this.logger.setAdditive(false);
	}

	/**
	 * Adds an appender writing with an encoder of the given configuration.
	 * @param name the appender's name, also the key of its output
	 * @param config the encoder configuration
	 * @return this capture
	 */
	LogbackCapture writeTo(String name, EncoderConfig config) {
		return writeTo(name, new FluxtailEncoder(config));
	}

	/**
	 * Adds an appender writing with the given encoder, started in this context.
	 * @param name the appender's name, also the key of its output
	 * @param encoder the encoder
	 * @return this capture
	 */
	LogbackCapture writeTo(String name, Encoder<ILoggingEvent> encoder) {
		encoder.setContext(this.context);
		encoder.start();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setName(name);
		appender.setContext(this.context);
		appender.setEncoder(encoder);
		appender.setOutputStream(output);
		appender.start();
		this.logger.addAppender(appender);
		this.outputs.put(name, output);
		return this;
	}

	org.slf4j.Logger logger() {
		return this.logger;
	}

	List<Status> statuses() {
		return this.context.getStatusManager().getCopyOfStatusList();
	}

	/**
	 * Puts an object in the Logback context, as Spring Boot puts its {@code Environment} there.
	 * @param key the key
	 * @param value the object
	 * @return this capture
	 */
	LogbackCapture with(String key, Object value) {
		this.context.putObject(key, value);
		return this;
	}

	MDCAdapter mdc() {
		return this.context.getMDCAdapter();
	}

	/**
	 * Returns and clears what an appender wrote.
	 * @param name the appender's name
	 * @return the bytes as UTF-8 text
	 */
	String take(String name) {
		ByteArrayOutputStream output = this.outputs.get(name);
		String text = output.toString(StandardCharsets.UTF_8);
		output.reset();
		return text;
	}

	byte[] takeBytes(String name) {
		ByteArrayOutputStream output = this.outputs.get(name);
		byte[] bytes = output.toByteArray();
		output.reset();
		return bytes;
	}

}
