/**
 * Units of work (HTTP requests, job runs, consumed records) and their context, which follows the
 * work across threads: request ids, W3C trace context, MDC seeding, context-propagation support,
 * and the one completion line per unit.
 */
@NullMarked
package io.fluxtail.propagation;

import org.jspecify.annotations.NullMarked;
