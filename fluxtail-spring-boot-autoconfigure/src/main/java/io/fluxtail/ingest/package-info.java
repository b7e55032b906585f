/**
 * Ships the events the encoder writes to Fluxtail (or any OTLP/HTTP logs endpoint): the mapping
 * from contract fields to OTLP, a bounded batching worker and its delivery with retries.
 * <p>
 * Internal: the public types here are wiring between the starter's own packages, not for use by
 * applications, and may change in any release (docs/api.md lists what is public API).
 */
@NullMarked
package io.fluxtail.ingest;

import org.jspecify.annotations.NullMarked;

