package io.fluxtail.web;

/**
 * What the request context does in this application, for the actuator endpoint.
 *
 * @param settings the settings in effect
 * @param tracingSource where {@code trace_id}/{@code span_id} come from: one of
 * {@code micrometer-brave}, {@code micrometer-otel}, {@code micrometer} (another bridge),
 * {@code traceparent} or {@code none}
 */
public record RequestContextDescription(RequestContextSettings settings, String tracingSource) {

}
