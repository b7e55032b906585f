package io.fluxtail.propagation;

/**
 * What a unit of work is, which decides its completion line's logger and message.
 */
public enum WorkKind {

	/** An inbound HTTP request, servlet or reactive. */
	HTTP,

	/** A run of a scheduled task. */
	JOB,

	/** A consumed message (a Kafka record or batch). */
	RECORD

}
