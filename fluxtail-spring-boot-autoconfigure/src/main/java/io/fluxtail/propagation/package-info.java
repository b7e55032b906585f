/**
 * Request context that follows a request across threads: request ids, W3C trace context, MDC
 * seeding and context-propagation support.
 */
@NullMarked
package io.fluxtail.propagation;

import org.jspecify.annotations.NullMarked;
