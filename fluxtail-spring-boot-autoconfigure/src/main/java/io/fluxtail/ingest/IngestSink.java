package io.fluxtail.ingest;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.encoder.EventSink;
import io.fluxtail.logging.line.EventFields;

/**
 * Takes the events the encoder writes and queues the ones worth centralizing: those at or above
 * the minimum level, and every completion event (requests, jobs) whatever its level. The
 * shipper's own lines stay local, so a failing backend cannot feed itself.
 */
final class IngestSink implements EventSink {

	private final IngestMapping mapping;

	private final LogShipper shipper;

	private final Level minLevel;

	private final List<String> alwaysShippedLoggers;

	private final AtomicBoolean failureReported = new AtomicBoolean();

	/**
	 * Creates a sink.
	 * @param mapping how fields map to OTLP
	 * @param shipper where records are queued
	 * @param minLevel the lowest level shipped
	 * @param alwaysShippedLoggers loggers (and their children) shipped at any level
	 */
	public IngestSink(IngestMapping mapping, LogShipper shipper, Level minLevel, List<String> alwaysShippedLoggers) {
		this.mapping = mapping;
		this.shipper = shipper;
		this.minLevel = minLevel;
		this.alwaysShippedLoggers = List.copyOf(alwaysShippedLoggers);
	}

	@Override
	public void accept(ILoggingEvent event, EventFields fields) {
		String loggerName = event.getLoggerName();
		if (isUnder(loggerName, LogShipper.LOGGER_NAME)
				|| !(event.getLevel().isGreaterOrEqual(this.minLevel) || isAlwaysShipped(loggerName))) {
			return;
		}
		try {
			this.shipper.offer(this.mapping.toRecord(event, fields));
		}
		catch (RuntimeException ex) {
			// never into the application; reported once, on stderr so that it is not shipped either
			if (this.failureReported.compareAndSet(false, true)) {
				System.err.println("Fluxtail ingest could not map an event and skips such events: " + ex);
			}
		}
	}

	private boolean isAlwaysShipped(String loggerName) {
		for (String name : this.alwaysShippedLoggers) {
			if (isUnder(loggerName, name)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnder(String loggerName, String name) {
		return loggerName.startsWith(name)
				&& (loggerName.length() == name.length() || loggerName.charAt(name.length()) == '.');
	}

}
