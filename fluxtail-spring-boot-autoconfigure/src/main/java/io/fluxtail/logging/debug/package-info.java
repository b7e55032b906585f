/**
 * Debug lines for the units of work that need them: lines below a logger's level kept per unit
 * and written only when the unit fails (debug-on-error), and a lower level for one request that
 * carries a signed token (debug on demand). A Logback turbo filter reads the unit on the thread.
 */
@NullMarked
package io.fluxtail.logging.debug;

import org.jspecify.annotations.NullMarked;
