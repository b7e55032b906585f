package io.fluxtail.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.fluxtail.lines.JsonLines;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.redaction.RedactionPolicy;
import tools.jackson.databind.node.ObjectNode;

/**
 * An appender on the root logger that encodes every event as the application's encoder does,
 * three times: in the application's format (the line as written), in JSON with the same names
 * (the fields with their types) and in JSON without redaction (what the application passed, for
 * the secret check). The encoders are the starter's, with the application's configuration and
 * counters of their own, so the application's counters see every event once.
 */
final class LineCapture extends AppenderBase<ILoggingEvent> {

	static final String NAME = "FLUXTAIL_TEST_CAPTURE";

	private final LineContext lineContext;

	private final FluxtailEncoder written;

	private final FluxtailEncoder typed;

	private final FluxtailEncoder raw;

	private final List<LogLine> lines = new ArrayList<>();

	private final List<String> unreadable = new ArrayList<>();

	LineCapture(EncoderConfig config, LoggerContext loggerContext) {
		setName(NAME);
		setContext(loggerContext);
		this.lineContext = LineContext.of(config);
		RedactionPolicy policy = config.redaction().policy();
		this.written = encoder(config, config.format(), policy, loggerContext);
		this.typed = (config.format() == LogFormat.JSON) ? this.written
				: encoder(config, LogFormat.JSON, policy, loggerContext);
		this.raw = encoder(config, LogFormat.JSON, RedactionPolicy.disabled(), loggerContext);
	}

	private static FluxtailEncoder encoder(EncoderConfig config, LogFormat format, RedactionPolicy policy,
			LoggerContext loggerContext) {
		FluxtailEncoder encoder = new FluxtailEncoder(
				new EncoderConfig(format, config.contract(), config.stackTrace(), new ContractStats(), policy));
		encoder.setContext(loggerContext);
		encoder.start();
		return encoder;
	}

	/**
	 * Starts capturing every event that reaches the root logger.
	 */
	void attach() {
		start();
		root().addAppender(this);
	}

	/**
	 * Stops capturing.
	 */
	void detach() {
		root().detachAppender(this);
		stop();
		this.written.stop();
		this.typed.stop();
		this.raw.stop();
	}

	private Logger root() {
		return ((LoggerContext) getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@Override
	protected void append(ILoggingEvent event) {
		String text = line(this.written.encode(event));
		try {
			ObjectNode fields = (ObjectNode) JsonLines.parse(line(this.typed.encode(event)));
			LineReader.check(text, fields, this.lineContext);
			ObjectNode raw = (ObjectNode) JsonLines.parse(line(this.raw.encode(event)));
			this.lines.add(new LogLine(this.lines.size() + 1, text, fields, raw, this.lineContext));
		}
		catch (IllegalArgumentException ex) {
			this.unreadable.add("line " + (this.lines.size() + 1) + ": " + ex.getMessage());
		}
	}

	/**
	 * Returns the lines captured so far.
	 * @throws AssertionError when a line was not strictly in its format
	 */
	List<LogLine> lines() {
		synchronized (this) {
			if (!this.unreadable.isEmpty()) {
				throw new AssertionError("Lines not strictly in the " + this.lineContext.format().name().toLowerCase()
						+ " format:\n" + String.join("\n", this.unreadable));
			}
			return List.copyOf(this.lines);
		}
	}

	LineContext lineContext() {
		return this.lineContext;
	}

	private static String line(byte[] bytes) {
		String line = new String(bytes, StandardCharsets.UTF_8);
		int end = line.length();
		while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
			end--;
		}
		return line.substring(0, end);
	}

}
