package io.fluxtail.autoconfigure.logging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.ForwardingLoggingEvent;
import io.fluxtail.logging.redaction.RedactionListener;
import io.fluxtail.logging.redaction.SizeLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * Keeps Fluxtail's reserved-name rule on an appender that writes Spring Boot's own structured
 * format: an MDC entry or key/value pair whose name the format or the contract already uses is
 * written under {@code mdc.} or {@code kv.} first, and of two application fields with the same
 * name the key/value pair wins. Boot's JSON writer refuses a name written twice, which would lose
 * the whole line. Names are cut to {@link SizeLimits#MAX_NAME_CHARS} as in Fluxtail's own formats,
 * and an event Boot cannot encode (a value whose {@code toString} throws, even an {@code Error})
 * is written as a minimal line with {@code encoder_error} rather than thrown into the caller.
 *
 * <p>
 * A line with no such name is handed to Boot's encoder as it is; only one that needs a rename gets
 * a view of the event with the renamed entries.
 */
final class BootFormatEncoder extends EncoderBase<ILoggingEvent> {

	private static final byte[] NO_BYTES = new byte[0];

	private final Encoder<ILoggingEvent> format;

	private final BootStructuredFormat names;

	private final Set<String> reserved;

	private final RedactionListener cuts;

	private final ContractStats stats;

	private final AtomicBoolean failureReported = new AtomicBoolean();

	/**
	 * @param format Boot's encoder
	 * @param names the format Boot's encoder writes
	 * @param config the configuration shared with Boot's formats: its contract, its counters
	 */
	BootFormatEncoder(Encoder<ILoggingEvent> format, BootStructuredFormat names, EncoderConfig config) {
		this.format = format;
		this.names = names;
		this.reserved = names.reservedNames(config.contract());
		this.cuts = config.redaction().stats();
		this.stats = config.stats();
	}

	/**
	 * Returns the encoder of Boot's format this one hands lines to.
	 * @return Boot's encoder
	 */
	Encoder<ILoggingEvent> format() {
		return this.format;
	}

	@Override
	public byte[] headerBytes() {
		return this.format.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		try {
			return this.format.encode(needsRenames(event) ? renamed(event) : event);
		}
		catch (Throwable ex) {
			// a value whose rendering throws (even an Error) must not fail the caller or lose the line
			this.stats.encoderError();
			reportOnce(ex);
			return minimalLine(event, ex);
		}
	}

	/**
	 * The event's time, level, logger, thread, MDC (the unit of work) and unformatted message, with
	 * the failure's type instead of its arguments, pairs and exception.
	 */
	private byte[] minimalLine(ILoggingEvent event, Throwable failure) {
		try {
			Map<String, String> mdc = (event.getMDCPropertyMap() != null) ? event.getMDCPropertyMap() : Map.of();
			return this.format.encode(new EventView(event, String.valueOf(event.getMessage()), mdc,
					List.of(new KeyValuePair(FluxtailEncoder.ENCODER_ERROR, failure.getClass().getName())), null));
		}
		catch (Throwable ex) {
			return NO_BYTES;
		}
	}

	private void reportOnce(Throwable ex) {
		if (this.failureReported.compareAndSet(false, true)) {
			addError("Spring Boot's structured format could not encode an event; writing a minimal line instead", ex);
		}
	}

	@Override
	public byte[] footerBytes() {
		return this.format.footerBytes();
	}

	@Override
	public void start() {
		if (!this.format.isStarted()) {
			this.format.start();
		}
		super.start();
	}

	@Override
	public void stop() {
		this.format.stop();
		super.stop();
	}

	private boolean needsRenames(ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		if (mdc != null) {
			for (String key : mdc.keySet()) {
				if (key.length() > SizeLimits.MAX_NAME_CHARS || this.reserved.contains(this.names.writtenName(key))) {
					return true;
				}
			}
		}
		if (pairs != null && !pairs.isEmpty()) {
			Set<String> written = new HashSet<>();
			for (KeyValuePair pair : pairs) {
				String name = this.names.writtenName(pair.key);
				if (pair.key.length() > SizeLimits.MAX_NAME_CHARS || this.reserved.contains(name) || !written.add(name)
						|| (mdc != null && mdc.containsKey(pair.key))) {
					return true;
				}
			}
		}
		return false;
	}

	private ILoggingEvent renamed(ILoggingEvent event) {
		Set<String> written = new HashSet<>(this.reserved);
		List<KeyValuePair> pairs = new ArrayList<>();
		Set<String> pairKeys = new HashSet<>();
		if (event.getKeyValuePairs() != null) {
			for (KeyValuePair pair : event.getKeyValuePairs()) {
				// of two pairs with the same key the first wins
				String key = pairKeys.add(pair.key) ? unique(pair.key, "kv.", written) : null;
				if (key != null) {
					pairs.add(new KeyValuePair(key, pair.value));
				}
			}
		}
		Map<String, String> mdc = new LinkedHashMap<>();
		if (event.getMDCPropertyMap() != null) {
			for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
				// key/value pairs are the event's own fields: they win over the thread's MDC
				String key = pairKeys.contains(entry.getKey()) ? null : unique(entry.getKey(), "mdc.", written);
				if (key != null) {
					mdc.put(key, entry.getValue());
				}
			}
		}
		return new EventView(event, event.getFormattedMessage(), mdc, pairs, event.getThrowableProxy());
	}

	/**
	 * The key (cut to the name bound) when its top-level name is free, else the key under the
	 * source's prefix, else {@code null} (dropped).
	 */
	private @Nullable String unique(String name, String prefix, Set<String> written) {
		String key = SizeLimits.boundName(name, this.cuts);
		if (written.add(this.names.writtenName(key))) {
			return key;
		}
		String prefixed = prefix + key;
		return written.add(this.names.writtenName(prefixed)) ? prefixed : null;
	}

	/**
	 * The event with another message, MDC entries, key/value pairs or exception; everything else is
	 * the event's.
	 */
	private static final class EventView extends ForwardingLoggingEvent {

		private final String formattedMessage;

		private final Map<String, String> mdc;

		private final List<KeyValuePair> pairs;

		private final @Nullable IThrowableProxy throwable;

		EventView(ILoggingEvent event, String formattedMessage, Map<String, String> mdc, List<KeyValuePair> pairs,
				@Nullable IThrowableProxy throwable) {
			super(event);
			this.formattedMessage = formattedMessage;
			this.mdc = mdc;
			this.pairs = pairs;
			this.throwable = throwable;
		}

		@Override
		public String getFormattedMessage() {
			return this.formattedMessage;
		}

		@Override
		public @Nullable IThrowableProxy getThrowableProxy() {
			return this.throwable;
		}

		@Override
		public Map<String, String> getMDCPropertyMap() {
			return this.mdc;
		}

		@Override
		public List<KeyValuePair> getKeyValuePairs() {
			return this.pairs;
		}

	}

}
