/**
 * Strict logfmt rendering of the contract's fields, read as is by go-logfmt, Loki and other
 * logfmt parsers.
 */
@NullMarked
package io.fluxtail.logging.encoder.logfmt;

import org.jspecify.annotations.NullMarked;
