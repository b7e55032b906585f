package io.fluxtail.web;

import io.fluxtail.propagation.TraceIds;
import org.jspecify.annotations.Nullable;

/**
 * The span in scope on the current thread, from whatever tracer the application runs.
 */
public interface CurrentTrace {

	/**
	 * Returns the ids of the span in scope.
	 * @return the ids, {@code null} when no span is in scope
	 */
	@Nullable TraceIds current();

	/**
	 * Names the tracer, as shown by the actuator endpoint.
	 * @return a name such as {@code micrometer-brave}
	 */
	String source();

}
