package io.fluxtail.ingest;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.encoder.EventSink;
import io.fluxtail.logging.line.EventFields;

/**
 * Takes the events the encoder writes and queues the ones worth centralizing: those at or above
 * the minimum level, and every completion event (requests, jobs) whatever its level. The
 * shipper's own lines stay local, so a failing backend cannot feed itself.
 *
 * <p>
 * This runs on the logging thread, so it only copies what the encoder collected
 * ({@link IngestEvent}) and queues it: where each field goes in OTLP is worked out on the
 * shipper's thread.
 */
final class IngestSink implements EventSink {

	private final LogShipper shipper;

	private final Level minLevel;

	private final List<String> alwaysShippedLoggers;

	/**
	 * Creates a sink.
	 * @param shipper where events are queued
	 * @param minLevel the lowest level shipped
	 * @param alwaysShippedLoggers loggers (and their children) shipped at any level
	 */
	public IngestSink(LogShipper shipper, Level minLevel, List<String> alwaysShippedLoggers) {
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
		this.shipper.offer(IngestEvent.of(event, fields));
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
