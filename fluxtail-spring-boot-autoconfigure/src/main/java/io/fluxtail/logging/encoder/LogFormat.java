package io.fluxtail.logging.encoder;

/**
 * Line formats the encoder writes. All of them show the same fields under the same names.
 */
public enum LogFormat {

	/** One JSON object per line, for machines. */
	JSON,

	/** Strict logfmt: every token a {@code key=value} pair, for logfmt parsers such as Loki's. */
	LOGFMT,

	/** Time, level and logger as words, contract fields, then the message: for people. */
	TEXT

}
