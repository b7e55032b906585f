package io.fluxtail.logging.encoder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.encoder.json.FieldsJsonProvider;
import io.fluxtail.logging.encoder.logfmt.LogfmtWriter;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logback encoder that writes every event with the Fluxtail field contract, as one JSON object or
 * one logfmt line. Usable from a plain {@code logback.xml} with
 * {@code <encoder class="io.fluxtail.logging.encoder.FluxtailEncoder"/>}; the starter installs it
 * with the configuration bound from {@code fluxtail.*} properties.
 *
 * <p>
 * Encoding never throws into the application: an event that cannot be encoded is written as a
 * minimal line with an {@code encoder_error} field, and the failure is reported once to Logback's
 * status manager.
 */
public class FluxtailEncoder extends EncoderBase<ILoggingEvent> {

	private static final byte[] NO_BYTES = new byte[0];

	private final AtomicBoolean failureReported = new AtomicBoolean();

	private @Nullable EncoderConfig config;

	private LogFormat format = LogFormat.JSON;

	private @Nullable Encoder<ILoggingEvent> delegate;

	private @Nullable FieldCollector collector;

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
	 * Sets the line format when no {@link EncoderConfig} was given ({@code json} or
	 * {@code logfmt}).
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
		FieldCollector collector = new FieldCollector(config.contract(), config.stats(),
				new StackTraceRenderer(config.stackTrace(), getContext()), mapper);
		this.collector = collector;
		FieldRedactor redactor = new FieldRedactor(config.redaction(), mapper,
				config.contract().outputName(CoreFields.ERROR_MESSAGE), config.contract().outputName(CoreFields.STACK_TRACE));
		config.redaction().stats().reportFailuresTo(this::addError);
		ReusableEventFields reusable = new ReusableEventFields();
		Function<ILoggingEvent, EventFields> fieldsOf = (event) -> {
			EventFields fields = reusable.acquire();
			try {
				EventFields redacted = redactor.apply(collector.collect(event, fields));
				EventSink sink = this.sink;
				if (sink != null) {
					sink.accept(event, redacted);
				}
				return redacted;
			}
			catch (RuntimeException ex) {
				reusable.release(fields);
				throw ex;
			}
		};
		this.delegate = (config.format() == LogFormat.JSON) ? jsonEncoder(fieldsOf, reusable)
				: new LogfmtEncoder(fieldsOf, reusable, new LogfmtWriter(mapper));
		this.delegate.setContext(getContext());
		this.delegate.start();
		super.start();
	}

	private static Encoder<ILoggingEvent> jsonEncoder(Function<ILoggingEvent, EventFields> fieldsOf,
			ReusableEventFields reusable) {
		LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
		LoggingEventJsonProviders providers = new LoggingEventJsonProviders();
		providers.addProvider(new FieldsJsonProvider(fieldsOf, reusable::release));
		encoder.setProviders(providers);
		encoder.setLineSeparator("\n");
		return encoder;
	}

	@Override
	public void stop() {
		if (this.delegate != null) {
			this.delegate.stop();
		}
		if (this.collector != null) {
			this.collector.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return NO_BYTES;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		Encoder<ILoggingEvent> delegate = this.delegate;
		if (delegate == null) {
			return NO_BYTES;
		}
		try {
			return delegate.encode(event);
		}
		catch (RuntimeException ex) {
			if (this.failureReported.compareAndSet(false, true)) {
				addError("Fluxtail could not encode an event; writing a minimal line instead", ex);
			}
			return FallbackLine.render(event, ex).getBytes(StandardCharsets.UTF_8);
		}
	}

	@Override
	public byte[] footerBytes() {
		return NO_BYTES;
	}

	private static final class LogfmtEncoder extends EncoderBase<ILoggingEvent> {

		private final Function<ILoggingEvent, EventFields> fieldsOf;

		private final ReusableEventFields reusable;

		private final LogfmtWriter writer;

		LogfmtEncoder(Function<ILoggingEvent, EventFields> fieldsOf, ReusableEventFields reusable, LogfmtWriter writer) {
			this.fieldsOf = fieldsOf;
			this.reusable = reusable;
			this.writer = writer;
		}

		@Override
		public byte[] headerBytes() {
			return NO_BYTES;
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			StringBuilder line = new StringBuilder(256);
			EventFields fields = this.fieldsOf.apply(event);
			try {
				this.writer.write(fields, line);
			}
			finally {
				this.reusable.release(fields);
			}
			return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public byte[] footerBytes() {
			return NO_BYTES;
		}

	}

}
