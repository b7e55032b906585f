/**
 * {@code key=value} rendering of the contract's fields: strict logfmt, read as is by go-logfmt,
 * Loki and other logfmt parsers, and the text line for people.
 */
@NullMarked
package io.fluxtail.logging.encoder.logfmt;

import org.jspecify.annotations.NullMarked;
