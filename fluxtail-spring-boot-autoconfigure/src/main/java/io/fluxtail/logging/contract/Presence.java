package io.fluxtail.logging.contract;

/**
 * Which lines carry a field.
 */
public enum Presence {

	/** Every line, a required field without a value as its default. */
	EVERY_LINE("every-line"),

	/** No line until its property is set. */
	WHEN_CONFIGURED("when-configured"),

	/** Lines logged within a trace. */
	IN_TRACE("in-trace"),

	/** Only lines whose MDC the application fills with the field's key itself. */
	WHEN_IN_MDC("when-in-mdc"),

	/** Lines that log an exception. */
	WITH_EXCEPTION("with-exception"),

	/** The completion line of a unit of work. */
	COMPLETION_EVENT("completion-event"),

	/** Lines of a scheduled job run or of a consumed record. */
	IN_JOB("in-job"),

	/** Lines of a consumed Kafka record. */
	IN_RECORD("in-record"),

	/** Lines kept by debug-on-error and written when their unit of work failed. */
	BUFFERED_LINE("buffered-line");

	private final String id;

	Presence(String id) {
		this.id = id;
	}

	/**
	 * Returns the presence as the endpoint shows it, such as {@code every-line}.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

}
