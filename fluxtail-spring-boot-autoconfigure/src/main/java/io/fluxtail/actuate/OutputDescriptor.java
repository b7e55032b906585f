package io.fluxtail.actuate;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where encoded lines go.
 *
 * @param mode {@code sync} (each logging call writes its line) or {@code async} (a bounded queue
 * written by one thread, {@code fluxtail.output.async=true})
 * @param queueCapacity how many events the queue holds, {@code null} when synchronous
 * @param queueSize how many events wait to be written, {@code null} when synchronous
 * @param dropped events dropped because the queue was full, by level, since start
 * @param writer {@code running}, or {@code ended} when the queue's writer thread has ended while the
 * application runs (the logging threads then write their own lines); {@code null} when
 * synchronous
 * @param inFlight events the writer has taken from the queue and not written out yet (the batch it
 * writes, until its flush returns), {@code null} when synchronous
 * @param failedWrites events an appender threw on, {@code null} when synchronous
 * @param unwrittenAtStop events a stop left unwritten because the output did not take them within
 * the shutdown timeout, {@code null} when synchronous
 */
public record OutputDescriptor(String mode, @Nullable Integer queueCapacity, @Nullable Integer queueSize,
		Map<String, Long> dropped, @Nullable String writer, @Nullable Integer inFlight, @Nullable Long failedWrites,
		@Nullable Long unwrittenAtStop) {

}
