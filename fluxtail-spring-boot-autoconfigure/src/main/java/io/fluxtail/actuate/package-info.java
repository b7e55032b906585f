/**
 * The {@code /actuator/fluxtail} endpoint: the active field contract, live.
 */
@NullMarked
package io.fluxtail.actuate;

import org.jspecify.annotations.NullMarked;
