/**
 * Smoke application on Log4j2.
 */
@NullMarked
package io.fluxtail.smoke.log4j2;

import org.jspecify.annotations.NullMarked;
