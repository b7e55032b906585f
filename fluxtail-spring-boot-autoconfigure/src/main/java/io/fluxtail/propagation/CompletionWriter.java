package io.fluxtail.propagation;

import java.util.concurrent.TimeUnit;

import io.fluxtail.logging.contract.CoreFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the one completion line of a unit of work, whatever its kind: the kind's own fields
 * ({@code http_method}, ...), then {@code duration_ms} and {@code outcome}, at the level of the
 * {@link Outcome}, with the exception when the work threw. The unit's context
 * ({@code request_id}, {@code job}, ...) comes from the MDC of the thread that writes it.
 */
public final class CompletionWriter {

	private final Logger logger;

	private final String message;

	/**
	 * Creates the writer.
	 * @param loggerName the logger the line is written on, such as {@code io.fluxtail.job}
	 * @param message the message, such as {@code job completed}
	 */
	public CompletionWriter(String loggerName, String message) {
		this.logger = LoggerFactory.getLogger(loggerName);
		this.message = message;
	}

	/**
	 * Writes the line. Never throws: work never fails because its log line could not be written.
	 * @param startNanos {@link System#nanoTime()} when the work started
	 * @param outcome how the work ended
	 * @param failure what the work threw, attached to the line, {@code null} for none
	 * @param fields the kind's own fields, written first
	 * @return whether the line was written (its level is enabled and nothing failed)
	 */
	public boolean write(long startNanos, Outcome outcome, @Nullable Throwable failure, CompletionFields fields) {
		if (!this.logger.isEnabledForLevel(outcome.level())) {
			return false;
		}
		try {
			LoggingEventBuilder line = this.logger.atLevel(outcome.level());
			fields.addTo(line);
			line.addKeyValue(CoreFields.DURATION_MS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
				.addKeyValue(CoreFields.OUTCOME, outcome.name())
				.setCause(failure)
				.log(this.message);
			return true;
		}
		catch (RuntimeException ex) {
			// Nothing to do: the line is lost, the work is not.
			return false;
		}
	}

	/**
	 * Returns the name of the logger the line is written on.
	 * @return the logger name
	 */
	public String loggerName() {
		return this.logger.getName();
	}

	/**
	 * Returns the message of the line.
	 * @return the message
	 */
	public String message() {
		return this.message;
	}

	/**
	 * The fields of one kind of work on its completion line, such as an HTTP request's method,
	 * route and status.
	 */
	@FunctionalInterface
	public interface CompletionFields {

		/** No fields of its own: a job run, a record. */
		CompletionFields NONE = (line) -> {
		};

		/**
		 * Adds the fields to the line being built.
		 * @param line the line
		 */
		void addTo(LoggingEventBuilder line);

	}

}
