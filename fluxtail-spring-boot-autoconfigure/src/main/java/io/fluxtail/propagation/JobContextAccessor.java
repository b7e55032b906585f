package io.fluxtail.propagation;

import io.fluxtail.logging.contract.CoreFields;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Lets context-propagation carry the {@code job} field with the request id, so that {@code @Async}
 * methods and executor tasks a job run or a listener calls name the same unit of work. Registered
 * through {@code ServiceLoader}, like {@link RequestContextAccessor}.
 */
public final class JobContextAccessor implements ThreadLocalAccessor<String> {

	/** Key of the job name in a context snapshot. */
	public static final String KEY = "fluxtail.job";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public @Nullable String getValue() {
		return MDC.get(CoreFields.JOB);
	}

	@Override
	public void setValue(String value) {
		MDC.put(CoreFields.JOB, value);
	}

	@Override
	public void setValue() {
		MDC.remove(CoreFields.JOB);
	}

}
