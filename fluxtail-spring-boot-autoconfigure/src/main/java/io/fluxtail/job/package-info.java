/**
 * Context of scheduled job runs: one request id and a job name per run, on every line of the run
 * and on Spring's own error line, and one completion line per run.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.job;

import org.jspecify.annotations.NullMarked;

