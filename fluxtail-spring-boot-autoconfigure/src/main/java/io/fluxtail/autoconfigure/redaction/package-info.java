/**
 * Auto-configuration of redaction: detectors declared as beans, and the redaction counter.
 */
@NullMarked
package io.fluxtail.autoconfigure.redaction;

import org.jspecify.annotations.NullMarked;
