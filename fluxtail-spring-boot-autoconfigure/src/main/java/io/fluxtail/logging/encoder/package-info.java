/**
 * The Logback encoder: turns a logging event into the contract's ordered fields and renders them
 * as JSON or logfmt.
 */
@NullMarked
package io.fluxtail.logging.encoder;

import org.jspecify.annotations.NullMarked;
