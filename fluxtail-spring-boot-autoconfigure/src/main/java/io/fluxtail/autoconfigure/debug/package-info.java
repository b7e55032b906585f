/**
 * Wiring of debug-on-error and debug on demand: their properties, the turbo filter installed while
 * the application runs, the units' shared budget, the endpoint section and the meters.
 */
@NullMarked
package io.fluxtail.autoconfigure.debug;

import org.jspecify.annotations.NullMarked;
