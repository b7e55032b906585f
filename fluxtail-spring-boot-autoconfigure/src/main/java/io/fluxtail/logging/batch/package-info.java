/**
 * One bounded batching worker under every asynchronous path (the log output queue and the ingest):
 * a bounded queue, one daemon thread that takes batches, a {@link io.fluxtail.logging.batch.BatchExporter}
 * for what to do with a batch, a stop with a deadline, and drops counted by
 * {@link io.fluxtail.logging.batch.DropReason}.
 */
@NullMarked
package io.fluxtail.logging.batch;

import org.jspecify.annotations.NullMarked;
