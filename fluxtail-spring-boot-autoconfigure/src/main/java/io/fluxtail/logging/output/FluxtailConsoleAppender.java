package io.fluxtail.logging.output;

import java.io.IOException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;

/**
 * Takes the place of Spring Boot's console appender: same name, target, encoder and filters, but
 * its line goes to a stream made for sharing: {@link GroupCommitStream} when each logging call
 * writes its own line, {@link ConsoleBatchStream} when the queue's writer thread owns it. Both take
 * whole lines and are safe for their callers, so the appender's own lock around each write, held
 * for the length of a system call while every other logging thread waits, is left out.
 */
public final class FluxtailConsoleAppender extends ConsoleAppender<ILoggingEvent> {

	/**
	 * Creates the appender that replaces one of Spring Boot's, not yet started.
	 * @param original the appender to replace
	 * @return the replacement
	 */
	public static FluxtailConsoleAppender replacing(ConsoleAppender<ILoggingEvent> original) {
		FluxtailConsoleAppender appender = new FluxtailConsoleAppender();
		appender.setContext(original.getContext());
		appender.setName(original.getName());
		appender.setTarget(original.getTarget());
		appender.setEncoder(original.getEncoder());
		original.getCopyOfAttachedFiltersList().forEach(appender::addFilter);
		return appender;
	}

	@Override
	public void start() {
		super.start();
		writeEachLine();
	}

	/**
	 * Encodes on the calling thread, then hands the whole line to the stream without the
	 * appender's lock.
	 */
	@Override
	protected void writeOut(ILoggingEvent event) throws IOException {
		getOutputStream().write(this.encoder.encode(event));
	}

	/** Each caller's line is written before its logging call returns. */
	void writeEachLine() {
		// Logback's setOutputStream closes the previous stream: a batch stream writes what it holds
		setOutputStream(new GroupCommitStream(isStandardError()));
	}

	/** Lines are collected and written once per batch; only the queue's writer thread calls. */
	void batchLines() {
		setOutputStream(new ConsoleBatchStream(isStandardError()));
	}

	private boolean isStandardError() {
		return ConsoleTarget.SystemErr.getName().equals(getTarget());
	}

}
