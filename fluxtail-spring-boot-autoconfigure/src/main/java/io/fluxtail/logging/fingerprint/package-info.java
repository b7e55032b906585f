/**
 * Error fingerprints: a short key per defect, computed from an exception's types and frames
 * without line numbers or messages, so that it stays the same across builds, threads and requests.
 */
@NullMarked
package io.fluxtail.logging.fingerprint;

import org.jspecify.annotations.NullMarked;
