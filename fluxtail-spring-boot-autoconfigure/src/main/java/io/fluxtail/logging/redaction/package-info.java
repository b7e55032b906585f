/**
 * Redaction: removes secrets and personal data from log fields by key and by value, and bounds
 * their size, before any writer sees them.
 */
@NullMarked
package io.fluxtail.logging.redaction;

import org.jspecify.annotations.NullMarked;
