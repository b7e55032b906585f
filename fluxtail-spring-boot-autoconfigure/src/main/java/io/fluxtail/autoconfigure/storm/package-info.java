/**
 * Wiring of storm control: its properties as a bean, its endpoint section, its meters, and the
 * summary lines written when the application closes.
 */
@NullMarked
package io.fluxtail.autoconfigure.storm;

import org.jspecify.annotations.NullMarked;
