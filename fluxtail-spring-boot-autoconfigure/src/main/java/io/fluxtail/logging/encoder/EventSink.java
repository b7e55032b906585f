package io.fluxtail.logging.encoder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.line.EventFields;

/**
 * Receives every event a {@link FluxtailEncoder} writes, with its fields exactly as the line gets
 * them: after the contract, redaction and size limits. Called on the logging thread, with a list
 * that is reused once this method returns, so an implementation copies what it keeps, never
 * blocks and never throws.
 */
@FunctionalInterface
public interface EventSink {

	/**
	 * Takes one encoded event.
	 * @param event the event
	 * @param fields its final fields, valid only during this call
	 */
	void accept(ILoggingEvent event, EventFields fields);

}
