package io.fluxtail.logging.contract;

/**
 * How a field is meant to be queried.
 */
public enum FieldKind {

	/** Low-cardinality value suited to fast filtering (service, env, level, region, ...). */
	LABEL,

	/** High-cardinality context for an incident (request_id, trace_id, business ids, ...). */
	METADATA

}
