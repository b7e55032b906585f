/**
 * The Logback encoder: turns a logging event into the contract's ordered fields, redacts them, and
 * renders them as JSON, logfmt or text.
 */
@NullMarked
package io.fluxtail.logging.encoder;

import org.jspecify.annotations.NullMarked;
