package io.fluxtail.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Gives each record a listener container delivers its context, from before the listener runs until
 * after the container's error handling ({@code afterRecord}), so that the error handler's lines
 * belong to the record too.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RecordContextInterceptor<K, V> implements RecordInterceptor<K, V> {

	/** The record being processed on this consumer thread. */
	private final ThreadLocal<@Nullable RunningUnit> current = new ThreadLocal<>();

	private final String listenerId;

	private final MessageContexts contexts;

	/**
	 * Creates the interceptor of one listener container.
	 * @param listenerId the container's listener id
	 * @param contexts opens the records' contexts
	 */
	public RecordContextInterceptor(String listenerId, MessageContexts contexts) {
		this.listenerId = listenerId;
		this.contexts = contexts;
	}

	@Override
	public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		Header header = record.headers().lastHeader(this.contexts.header());
		String debugHeader = this.contexts.debugHeader();
		Header debugToken = (debugHeader != null) ? record.headers().lastHeader(debugHeader) : null;
		this.current.set(this.contexts.openRecord(this.listenerId, (header != null) ? header.value() : null,
				(debugToken != null) ? debugToken.value() : null, record.topic(), record.partition(), record.offset()));
		return record;
	}

	@Override
	public void success(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		RunningUnit unit = this.current.get();
		if (unit != null) {
			unit.completed(null);
		}
	}

	@Override
	public void failure(ConsumerRecord<K, V> record, Exception exception, Consumer<K, V> consumer) {
		RunningUnit unit = this.current.get();
		if (unit != null) {
			unit.completed(exception);
		}
	}

	@Override
	public void afterRecord(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
		RunningUnit unit = this.current.get();
		if (unit != null) {
			// set to null, not removed: removing makes the thread a new entry per record
			this.current.set(null);
			unit.close();
		}
	}

}
