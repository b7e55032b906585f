/**
 * JSON rendering of the contract's fields, one object per line.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.logging.encoder.json;

import org.jspecify.annotations.NullMarked;

