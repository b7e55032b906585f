/**
 * One bounded batching worker under every asynchronous path (the log output queue and the ingest):
 * a bounded queue, one daemon thread that takes batches, a {@link io.fluxtail.logging.batch.BatchExporter}
 * for what to do with a batch, a stop with a deadline, and drops counted by
 * {@link io.fluxtail.logging.batch.DropReason}.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.logging.batch;

import org.jspecify.annotations.NullMarked;

