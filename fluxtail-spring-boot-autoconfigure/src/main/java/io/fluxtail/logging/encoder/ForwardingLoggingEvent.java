package io.fluxtail.logging.encoder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event that answers everything from another event; a subclass overrides only what it
 * changes, so that other encoders and appenders see the event as it was.
 */
public abstract class ForwardingLoggingEvent implements ILoggingEvent {

	private final ILoggingEvent event;

	/**
	 * Creates a view of an event.
	 * @param event the event answered from
	 */
	protected ForwardingLoggingEvent(ILoggingEvent event) {
		this.event = event;
	}

	/**
	 * Returns the event answered from.
	 * @return the event
	 */
	protected final ILoggingEvent event() {
		return this.event;
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
		return getMDCPropertyMap();
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

}
