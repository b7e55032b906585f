package io.fluxtail.actuate;

/**
 * Where {@code trace_id} and {@code span_id} come from.
 *
 * @param source {@code micrometer-brave}, {@code micrometer-otel}, {@code micrometer} (another
 * bridge), {@code traceparent} or {@code none}
 */
public record TracingDescriptor(String source) {

}
