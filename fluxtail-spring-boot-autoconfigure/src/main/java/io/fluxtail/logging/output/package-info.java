/**
 * Where encoded lines go: an optional bounded queue between the logging call and the console and
 * file appenders, drained by one writer thread that writes many whole lines per system call, and
 * counts and reports every event it had to drop.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.logging.output;

import org.jspecify.annotations.NullMarked;

