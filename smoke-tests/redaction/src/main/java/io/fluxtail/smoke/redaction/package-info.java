/**
 * Smoke application for redaction: provider credentials logged in every position, and a detector
 * of the application's own registered through {@code ServiceLoader}.
 */
@NullMarked
package io.fluxtail.smoke.redaction;

import org.jspecify.annotations.NullMarked;
