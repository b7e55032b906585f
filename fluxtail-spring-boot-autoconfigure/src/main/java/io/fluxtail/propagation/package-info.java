/**
 * Units of work (HTTP requests, job runs, consumed records) and their context, which follows the
 * work across threads: request ids, W3C trace context, MDC seeding, context-propagation support,
 * and the one completion line per unit.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.propagation;

import org.jspecify.annotations.NullMarked;

