package io.fluxtail.propagation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.debug.UnitDebug;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a unit of work puts in the MDC of every thread that works for it, and what
 * {@link WorkContextAccessor} carries to the tasks, operators and coroutines it hands work to:
 * its {@code request_id}, the trace ids Fluxtail writes itself, and the attributes of its source
 * ({@code job}, {@code kafka_topic}, ...).
 *
 * <p>
 * A new source of work is one small class that builds its context, plus the interceptor of its
 * library that opens and completes the unit. For JMS, say:
 * <pre class="code">
 * final class JmsContexts {
 *     private final RequestIds ids;
 *     private final WorkUnits units = new WorkUnits(
 *             new CompletionWriter("io.fluxtail.jms", "message completed"), (name) -&gt; false, new WorkStats());
 *
 *     WorkUnit open(Message message, String listenerId) throws JMSException {
 *         return this.units.open(new WorkContext(WorkKind.RECORD, this.ids.resolve(message.getStringProperty("X-Request-Id")),
 *                 null, Map.of(CoreFields.JOB, listenerId, CoreFields.JMS_DESTINATION, message.getJMSDestination().toString())),
 *                 listenerId);
 *     }
 * }
 * </pre>
 * Its listener interceptor calls {@code open}, {@link WorkUnit#enter()} before the listener,
 * {@link WorkUnit#completed(Throwable)} after it and closes the snapshot; the new attribute's
 * field is added to {@link #ATTRIBUTE_KEYS} (and to the field contract) so that it travels too.
 *
 * @param kind what the work is
 * @param requestId the unit's id, already resolved or generated
 * @param traceIds trace ids Fluxtail writes itself (from {@code traceparent}, or captured for lines
 * logged outside the tracer's scope), {@code null} when the tracer's own MDC keys provide them
 * @param attributes the source's fields by name, each one of {@link #ATTRIBUTE_KEYS}
 * @param debug the unit's debug-on-error or debug-on-demand state, which travels with the MDC
 * keys, {@code null} when neither is on
 */
public record WorkContext(WorkKind kind, String requestId, @Nullable TraceIds traceIds,
		Map<String, String> attributes, @Nullable UnitDebug debug) {

	/** The fields a source of work may add, which travel with the context. */
	public static final List<String> ATTRIBUTE_KEYS = List.of(CoreFields.JOB, CoreFields.KAFKA_TOPIC,
			CoreFields.KAFKA_PARTITION, CoreFields.KAFKA_OFFSET);

	public WorkContext {
		attributes = Map.copyOf(attributes);
	}

	/**
	 * Creates a context without debug state; {@link WorkUnits#open} adds it.
	 * @param kind what the work is
	 * @param requestId the unit's id
	 * @param traceIds trace ids Fluxtail writes itself, {@code null} for none
	 * @param attributes the source's fields by name
	 */
	public WorkContext(WorkKind kind, String requestId, @Nullable TraceIds traceIds, Map<String, String> attributes) {
		this(kind, requestId, traceIds, attributes, null);
	}

	/**
	 * Returns the context of an HTTP request.
	 * @param requestId the request id
	 * @param traceIds trace ids Fluxtail writes itself, {@code null} for none
	 * @return the context
	 */
	public static WorkContext http(String requestId, @Nullable TraceIds traceIds) {
		return new WorkContext(WorkKind.HTTP, requestId, traceIds, Map.of());
	}

	/**
	 * Reads the context of the current thread from its MDC. The kind is told by the attributes: a
	 * {@code job} alone is a job run, a {@code job} with other attributes a record.
	 * @return the context, {@code null} when the thread works for no unit
	 */
	public static @Nullable WorkContext current() {
		String requestId = MDC.get(CoreFields.REQUEST_ID);
		if (requestId == null) {
			return null;
		}
		String traceId = MDC.get(CoreFields.TRACE_ID);
		TraceIds traceIds = (traceId != null) ? new TraceIds(traceId, MDC.get(CoreFields.SPAN_ID)) : null;
		Map<String, String> attributes = null;
		for (String key : ATTRIBUTE_KEYS) {
			String value = MDC.get(key);
			if (value != null) {
				attributes = (attributes != null) ? attributes : new LinkedHashMap<>(4);
				attributes.put(key, value);
			}
		}
		WorkKind kind = WorkKind.HTTP;
		if (attributes != null) {
			kind = (attributes.size() == 1 && attributes.containsKey(CoreFields.JOB)) ? WorkKind.JOB : WorkKind.RECORD;
		}
		return new WorkContext(kind, requestId, traceIds, (attributes != null) ? attributes : Map.of(),
				UnitDebug.onThread());
	}

	/**
	 * Returns this context with the trace ids seen while the work's span was in scope, for lines
	 * written after it (the container's error line, a completion line).
	 * @param seen the ids seen, {@code null} when none were
	 * @return the context to write
	 */
	public WorkContext withTraceIdsSeen(@Nullable TraceIds seen) {
		return (seen != null) ? new WorkContext(this.kind, this.requestId, seen, this.attributes, this.debug) : this;
	}

	/**
	 * Returns this context with the unit's debug state.
	 * @param state the state, {@code null} for none
	 * @return the context
	 */
	public WorkContext withDebug(@Nullable UnitDebug state) {
		return (state != this.debug) ? new WorkContext(this.kind, this.requestId, this.traceIds, this.attributes, state)
				: this;
	}

	/**
	 * Puts this context in the current thread's MDC, replacing any other unit's keys, and its debug
	 * state on the thread.
	 */
	public void applyToMdc() {
		MDC.put(CoreFields.REQUEST_ID, this.requestId);
		if (this.traceIds != null) {
			MDC.put(CoreFields.TRACE_ID, this.traceIds.traceId());
			putOrRemove(CoreFields.SPAN_ID, this.traceIds.spanId());
		}
		else {
			MDC.remove(CoreFields.TRACE_ID);
			MDC.remove(CoreFields.SPAN_ID);
		}
		for (String key : ATTRIBUTE_KEYS) {
			putOrRemove(key, this.attributes.get(key));
		}
		UnitDebug.putOnThread(this.debug);
	}

	/**
	 * Removes Fluxtail's work keys from the current thread's MDC, and the debug state.
	 */
	public static void clearMdc() {
		MDC.remove(CoreFields.REQUEST_ID);
		MDC.remove(CoreFields.TRACE_ID);
		MDC.remove(CoreFields.SPAN_ID);
		for (String key : ATTRIBUTE_KEYS) {
			MDC.remove(key);
		}
		UnitDebug.putOnThread(null);
	}

	private static void putOrRemove(String key, @Nullable String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
