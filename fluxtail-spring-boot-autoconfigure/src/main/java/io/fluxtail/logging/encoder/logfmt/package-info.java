/**
 * {@code key=value} rendering of the contract's fields: strict logfmt, read as is by go-logfmt,
 * Loki and other logfmt parsers, and the text line for people.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.logging.encoder.logfmt;

import org.jspecify.annotations.NullMarked;

