package io.fluxtail.propagation;

import java.util.concurrent.TimeUnit;

import io.fluxtail.logging.contract.CoreFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes the one completion line of a unit of work that is not an HTTP request, such as
 * {@code job completed}: {@code duration_ms} and {@code outcome}, ERROR with the exception when the
 * work threw, INFO otherwise. The unit's context ({@code request_id}, {@code job}, ...) comes from
 * the MDC of the thread that writes it.
 */
public final class CompletionEvent {

	/** Outcome of work that returned normally. */
	public static final String SUCCESS = "SUCCESS";

	/** Outcome of work that threw. */
	public static final String ERROR = "ERROR";

	private final Logger logger;

	private final String message;

	/**
	 * Creates the writer.
	 * @param loggerName the logger the line is written on, such as {@code io.fluxtail.job}
	 * @param message the message, such as {@code job completed}
	 */
	public CompletionEvent(String loggerName, String message) {
		this.logger = LoggerFactory.getLogger(loggerName);
		this.message = message;
	}

	/**
	 * Writes the line. Never throws: work never fails because its log line could not be written.
	 * @param startNanos {@link System#nanoTime()} when the work started
	 * @param failure what the work threw, {@code null} when it returned normally
	 */
	public void write(long startNanos, @Nullable Throwable failure) {
		Level level = (failure != null) ? Level.ERROR : Level.INFO;
		if (!this.logger.isEnabledForLevel(level)) {
			return;
		}
		try {
			this.logger.atLevel(level)
				.addKeyValue(CoreFields.DURATION_MS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
				.addKeyValue(CoreFields.OUTCOME, (failure != null) ? ERROR : SUCCESS)
				.setCause(failure)
				.log(this.message);
		}
		catch (RuntimeException ex) {
			// Nothing to do: the line is lost, the work is not.
		}
	}

	/**
	 * Returns the message of the line.
	 * @return the message
	 */
	public String message() {
		return this.message;
	}

}
