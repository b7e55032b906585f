/**
 * The line model every format writes: the ordered, redacted fields of one event, the names
 * encoded once, and the buffer a line is written into.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.logging.line;

import org.jspecify.annotations.NullMarked;

