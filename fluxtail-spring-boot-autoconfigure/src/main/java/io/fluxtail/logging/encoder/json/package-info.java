/**
 * JSON rendering of the contract's fields, one object per line.
 */
@NullMarked
package io.fluxtail.logging.encoder.json;

import org.jspecify.annotations.NullMarked;
