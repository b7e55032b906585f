/**
 * Context of scheduled job runs: one request id and a job name per run, on every line of the run
 * and on Spring's own error line, and one completion line per run. Its auto-configuration and
 * {@code fluxtail.job.*} properties are the only public types.
 */
@NullMarked
package io.fluxtail.job;

import org.jspecify.annotations.NullMarked;

