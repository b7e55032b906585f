package io.fluxtail.logging.encoder;

/**
 * Line formats the encoder writes.
 */
public enum LogFormat {

	/** One JSON object per line, for machines. */
	JSON,

	/** One {@code key=value} line per event, for people. */
	LOGFMT

}
