package io.fluxtail.logging.encoder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * An event whose application fields were read on the caller's thread, for encoding later on
 * another: the fields as they were at the call, or what reading them threw. Everything else is
 * the event's own, already fixed by {@link ILoggingEvent#prepareForDeferredProcessing()}; other
 * encoders see the event unchanged.
 */
final class CapturedEvent implements ILoggingEvent {

	private final ILoggingEvent event;

	private final List<Field> fields;

	private final @Nullable Throwable failure;

	CapturedEvent(ILoggingEvent event, List<Field> fields, @Nullable Throwable failure) {
		this.event = event;
		this.fields = fields;
		this.failure = failure;
	}

	List<Field> fields() {
		return this.fields;
	}

	/**
	 * Returns what reading a key/value pair's value threw, so that the event is written as the
	 * minimal line synchronous output writes for it.
	 * @return the failure, {@code null} when every value was read
	 */
	@Nullable Throwable failure() {
		return this.failure;
	}

	@Override
	public String getThreadName() {
		return this.event.getThreadName();
	}

	@Override
	public Level getLevel() {
		return this.event.getLevel();
	}

	@Override
	public String getMessage() {
		return this.event.getMessage();
	}

	@Override
	public Object[] getArgumentArray() {
		return this.event.getArgumentArray();
	}

	@Override
	public String getFormattedMessage() {
		return this.event.getFormattedMessage();
	}

	@Override
	public String getLoggerName() {
		return this.event.getLoggerName();
	}

	@Override
	public LoggerContextVO getLoggerContextVO() {
		return this.event.getLoggerContextVO();
	}

	@Override
	public IThrowableProxy getThrowableProxy() {
		return this.event.getThrowableProxy();
	}

	@Override
	public StackTraceElement[] getCallerData() {
		return this.event.getCallerData();
	}

	@Override
	public boolean hasCallerData() {
		return this.event.hasCallerData();
	}

	@Override
	public List<Marker> getMarkerList() {
		return this.event.getMarkerList();
	}

	@Override
	public Map<String, String> getMDCPropertyMap() {
		return this.event.getMDCPropertyMap();
	}

	@Override
	@Deprecated
	public Map<String, String> getMdc() {
		return this.event.getMDCPropertyMap();
	}

	@Override
	public long getTimeStamp() {
		return this.event.getTimeStamp();
	}

	@Override
	public int getNanoseconds() {
		return this.event.getNanoseconds();
	}

	@Override
	public Instant getInstant() {
		return this.event.getInstant();
	}

	@Override
	public long getSequenceNumber() {
		return this.event.getSequenceNumber();
	}

	@Override
	public List<KeyValuePair> getKeyValuePairs() {
		return this.event.getKeyValuePairs();
	}

	@Override
	public void prepareForDeferredProcessing() {
		this.event.prepareForDeferredProcessing();
	}

	/**
	 * One application field as read at the call.
	 *
	 * @param source where it came from ({@code kv} or {@code arg}), the prefix of its name when
	 * that name is taken
	 * @param name its name
	 * @param value its value, fixed
	 */
	record Field(String source, @Nullable String name, @Nullable Object value) {

	}

}
