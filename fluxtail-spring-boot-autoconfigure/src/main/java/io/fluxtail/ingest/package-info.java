/**
 * Ships the events the encoder writes to Fluxtail (or any OTLP/HTTP logs endpoint): the mapping
 * from contract fields to OTLP, a bounded batching worker and its delivery with retries.
 */
@NullMarked
package io.fluxtail.ingest;

import org.jspecify.annotations.NullMarked;

