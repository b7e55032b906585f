/**
 * {@code key=value} rendering of the contract's fields for people.
 */
@NullMarked
package io.fluxtail.logging.encoder.logfmt;

import org.jspecify.annotations.NullMarked;
