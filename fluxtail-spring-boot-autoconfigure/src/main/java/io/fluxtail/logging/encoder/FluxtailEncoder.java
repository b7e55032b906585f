package io.fluxtail.logging.encoder;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.encoder.json.JsonWriter;
import io.fluxtail.logging.fingerprint.ErrorFingerprints;
import io.fluxtail.logging.encoder.logfmt.Logfmt;
import io.fluxtail.logging.encoder.logfmt.LogfmtWriter;
import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.LineWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logback encoder that writes every event with the Fluxtail field contract, as one JSON object, one
 * strict logfmt line or one text line for people. Usable from a plain {@code logback.xml} with
 * {@code <encoder class="io.fluxtail.logging.encoder.FluxtailEncoder"/>}; the starter installs it
 * with the configuration bound from {@code fluxtail.*} properties.
 *
 * <p>
 * Every format takes the same path, in {@link #encode}: collect the event's fields, redact them,
 * write them, release the reused list. Encoding never throws into the application: an event that
 * cannot be encoded, whatever was thrown, is written as a minimal line in the same format with the
 * contract's context and an {@code encoder_error} field, counted, and the failure is reported once
 * to Logback's status manager.
 *
 * <p>
 * That includes {@link VirtualMachineError}s: a {@link StackOverflowError} or
 * {@link OutOfMemoryError} thrown while encoding comes from the event's own values (a value that
 * contains itself, a getter that throws it, a value too large to render), and once it is caught the
 * stack and memory of the failed attempt are released, so the application goes on with one minimal
 * line. The JVM's own reaction to running out of memory ({@code -XX:+ExitOnOutOfMemoryError}, heap
 * dumps) happens where the error is thrown, so catching it here hides nothing from those options.
 */
public class FluxtailEncoder extends EncoderBase<ILoggingEvent> {

	private static final byte[] NO_BYTES = new byte[0];

	/** The field naming what was thrown, on the minimal line of an event that could not be encoded. */
	public static final String ENCODER_ERROR = "encoder_error";

	private final AtomicBoolean failureReported = new AtomicBoolean();

	private final Scratch.PerThread scratches = new Scratch.PerThread();

	private @Nullable EncoderConfig config;

	private LogFormat format = LogFormat.JSON;

	private @Nullable FieldCollector collector;

	private @Nullable FieldRedactor redactor;

	private @Nullable LineWriter writer;

	private volatile @Nullable EventSink sink;

	/**
	 * Creates an encoder configured by its setters, for Logback XML configuration.
	 */
	public FluxtailEncoder() {
	}

	/**
	 * Creates an encoder with the given configuration.
	 * @param config the configuration
	 */
	public FluxtailEncoder(EncoderConfig config) {
		this.config = config;
	}

	/**
	 * Sets the line format when no {@link EncoderConfig} was given ({@code json}, {@code logfmt}
	 * or {@code text}).
	 * @param format the format name
	 */
	public void setFormat(String format) {
		this.format = LogFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
	}

	/**
	 * Returns the configuration in use, once started.
	 * @return the configuration
	 */
	public @Nullable EncoderConfig getConfig() {
		return this.config;
	}

	/**
	 * Sets where every event's final fields also go, such as a shipper to a log backend.
	 * @param sink the sink, {@code null} for none
	 */
	public void setSink(@Nullable EventSink sink) {
		this.sink = sink;
	}

	/**
	 * Resolves the configuration at start. Subclasses may read it from elsewhere.
	 * @param format the format set on this encoder
	 * @return the configuration to use
	 */
	protected EncoderConfig resolveConfig(LogFormat format) {
		return (this.config != null) ? this.config : EncoderConfig.defaults(format);
	}

	@Override
	public void start() {
		EncoderConfig config = resolveConfig(this.format);
		this.config = config;
		JsonMapper mapper = JsonMapper.builder().build();
		this.collector = new FieldCollector(config.contract(), config.stats(), config.redaction().stats(),
				new StackTraceRenderer(config.stackTrace(), getContext()),
				new ErrorFingerprints(config.stackTrace().collapsedPackages()), mapper);
		this.redactor = new FieldRedactor(config.redaction(), mapper,
				config.contract().outputName(CoreFields.ERROR_MESSAGE), config.contract().outputName(CoreFields.STACK_TRACE));
		config.redaction().stats().reportFailuresTo(this::addError);
		JsonWriter json = new JsonWriter(mapper);
		this.writer = switch (config.format()) {
			case JSON -> json;
			case LOGFMT -> LogfmtWriter.logfmt(new Logfmt(json, mapper));
			case TEXT -> LogfmtWriter.text(new Logfmt(json, mapper));
		};
		super.start();
	}

	@Override
	public void stop() {
		if (this.collector != null) {
			this.collector.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return NO_BYTES;
	}

	/**
	 * Fixes what the caller passed with the event (key/value pairs, structured arguments, markers)
	 * as it is now, for an event that is encoded later on another thread: the line then says what
	 * the caller logged, byte for byte as if it were encoded now, and a slow or failing value costs
	 * the caller, never the thread that writes. Never throws.
	 * @param event an event prepared for deferred processing
	 * @return the event itself when it carries none of those, otherwise an event to encode in its
	 * place
	 */
	public ILoggingEvent capture(ILoggingEvent event) {
		FieldCollector collector = this.collector;
		return (collector != null) ? collector.capture(event) : event;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		FieldCollector collector = this.collector;
		FieldRedactor redactor = this.redactor;
		LineWriter writer = this.writer;
		if (collector == null || redactor == null || writer == null) {
			return NO_BYTES;
		}
		if (event instanceof CapturedEvent captured && captured.failure() != null) {
			return failed(event, captured.failure(), collector, redactor, writer);
		}
		Scratch scratch = this.scratches.acquire();
		try {
			collector.collect(event, scratch.fields);
			redactor.apply(scratch.fields);
			writer.write(scratch.fields, scratch.line);
			EventSink sink = this.sink;
			if (sink != null) {
				sink.accept(event, scratch.fields);
			}
			return scratch.line.toLine();
		}
		catch (Throwable ex) {
			return failed(event, ex, collector, redactor, writer);
		}
		finally {
			this.scratches.release(scratch);
		}
	}

	private byte[] failed(ILoggingEvent event, Throwable failure, FieldCollector collector, FieldRedactor redactor,
			LineWriter writer) {
		EncoderConfig config = this.config;
		if (config != null) {
			config.stats().encoderError();
		}
		reportOnce(failure);
		try {
			return minimalLine(event, failure, collector, redactor, writer);
		}
		catch (Throwable ex) {
			// nothing can be written for this event (the memory is really gone): it is counted
			return NO_BYTES;
		}
	}

	/**
	 * The line written when an event cannot be encoded normally: the same format and names, with
	 * only the event's core fields, the contract's context (service, env, request and trace ids)
	 * and the reason, plain strings that cannot fail the same way.
	 */
	private byte[] minimalLine(ILoggingEvent event, Throwable failure, FieldCollector collector,
			FieldRedactor redactor, LineWriter writer) {
		Scratch scratch = new Scratch();
		collector.collectMinimal(event, scratch.fields, true);
		try {
			redactor.apply(scratch.fields);
		}
		catch (Throwable ex) {
			scratch.fields.clear();
			collector.collectMinimal(event, scratch.fields, false);
		}
		scratch.fields.add(EventFields.Role.BUSINESS, ENCODER_ERROR, failure.getClass().getName());
		writer.write(scratch.fields, scratch.line);
		return scratch.line.toLine();
	}

	private void reportOnce(Throwable ex) {
		if (this.failureReported.compareAndSet(false, true)) {
			addError("Fluxtail could not encode an event; writing a minimal line instead", ex);
		}
	}

	@Override
	public byte[] footerBytes() {
		return NO_BYTES;
	}

}
