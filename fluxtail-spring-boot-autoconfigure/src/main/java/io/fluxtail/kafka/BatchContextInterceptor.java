package io.fluxtail.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.BatchInterceptor;

/**
 * Gives each batch a batch listener receives one context: a fresh {@code request_id} for the
 * whole batch (its records may come from many requests), the listener id as {@code job}, and one
 * {@code batch completed} line.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class BatchContextInterceptor<K, V> implements BatchInterceptor<K, V> {

	/** The batch being processed on this consumer thread. */
	private final ThreadLocal<@Nullable RunningUnit> current = new ThreadLocal<>();

	private final String listenerId;

	private final MessageContexts contexts;

	/**
	 * Creates the interceptor of one listener container.
	 * @param listenerId the container's listener id
	 * @param contexts opens the batches' contexts
	 */
	public BatchContextInterceptor(String listenerId, MessageContexts contexts) {
		this.listenerId = listenerId;
		this.contexts = contexts;
	}

	@Override
	public ConsumerRecords<K, V> intercept(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
		List<String> topics = new ArrayList<>(2);
		for (TopicPartition partition : records.partitions()) {
			if (!topics.contains(partition.topic())) {
				topics.add(partition.topic());
			}
		}
		this.current.set(this.contexts.openBatch(this.listenerId, topics));
		return records;
	}

	@Override
	public void success(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
		end(null);
	}

	@Override
	public void failure(ConsumerRecords<K, V> records, Exception exception, Consumer<K, V> consumer) {
		end(exception);
	}

	/**
	 * A batch interceptor has no call after error handling, so the batch ends at success or
	 * failure; a batch that got neither (the consumer stopped) only has the thread restored.
	 */
	@Override
	public void clearThreadState(Consumer<?, ?> consumer) {
		RunningUnit unit = this.current.get();
		if (unit != null) {
			// set to null, not removed: removing makes the thread a new entry per batch
			this.current.set(null);
			unit.close();
		}
	}

	private void end(@Nullable Exception failure) {
		RunningUnit unit = this.current.get();
		if (unit != null) {
			// set to null, not removed: removing makes the thread a new entry per batch
			this.current.set(null);
			unit.completed(failure);
			unit.close();
		}
	}

}
