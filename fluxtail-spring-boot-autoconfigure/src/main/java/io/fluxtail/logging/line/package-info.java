/**
 * The line model every format writes: the ordered, redacted fields of one event, the names
 * encoded once, and the buffer a line is written into.
 */
@NullMarked
package io.fluxtail.logging.line;

import org.jspecify.annotations.NullMarked;

