/**
 * Storm control: at most a set number of lines per key (an exception's fingerprint, else logger,
 * level and message template) in each window, the rest suppressed, counted, and reported in one
 * summary line per key.
 */
@NullMarked
package io.fluxtail.logging.storm;

import org.jspecify.annotations.NullMarked;
