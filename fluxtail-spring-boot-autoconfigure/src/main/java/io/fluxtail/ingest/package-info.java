/**
 * Ships the events the encoder writes to Fluxtail (or any OTLP/HTTP logs endpoint): its
 * auto-configuration and {@code fluxtail.ingest.*} properties, the mapping from contract fields to
 * OTLP, a bounded batching worker and its delivery with retries. Only the auto-configuration and
 * the properties are public.
 */
@NullMarked
package io.fluxtail.ingest;

import org.jspecify.annotations.NullMarked;

