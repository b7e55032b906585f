package io.fluxtail.testsupport;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * A started appender that throws an {@link Error} on one message and takes every other event.
 */
public final class ThrowingAppender extends AppenderBase<ILoggingEvent> {

	private final String message;

	/**
	 * Creates a started appender named {@code THROWER}.
	 * @param message the message it throws on
	 */
	public ThrowingAppender(String message) {
		this.message = message;
		setName("THROWER");
		start();
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (event.getFormattedMessage().equals(this.message)) {
			throw new AssertionError("appender asserts");
		}
	}

}
