/**
 * The human line: time, level and logger, the contract fields, the message, then the rest.
 */
@NullMarked
package io.fluxtail.logging.encoder.text;

import org.jspecify.annotations.NullMarked;
