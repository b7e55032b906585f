package io.fluxtail.kafka;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.CompositeBatchInterceptor;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Adds the record and batch context interceptors to every {@code @KafkaListener} container, just
 * before the registry starts them. Per container, because the interceptor names the work after
 * the container's listener id; an interceptor the application set is kept and runs inside ours.
 *
 * <p>
 * Done here rather than through Spring Boot's {@code RecordInterceptor} or
 * {@code ContainerCustomizer} beans: Boot applies those only when a single one exists, so adding
 * ours would silently switch off the application's own.
 */
final class ListenerContainerContexts implements SmartLifecycle {

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	private final MessageContexts contexts;

	/** Containers that have the interceptors, so that a restart does not add them twice. */
	private final Set<MessageListenerContainer> configured = Collections.newSetFromMap(new IdentityHashMap<>());

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param registry the registry of {@code @KafkaListener} containers, absent without
	 * {@code @EnableKafka}
	 * @param contexts opens the records' and batches' contexts
	 */
	public ListenerContainerContexts(ObjectProvider<KafkaListenerEndpointRegistry> registry,
			MessageContexts contexts) {
		this.registry = registry;
		this.contexts = contexts;
	}

	@Override
	public void start() {
		this.registry.ifAvailable((registry) -> {
			for (MessageListenerContainer container : registry.getListenerContainers()) {
				if (container instanceof AbstractMessageListenerContainer<?, ?> listenerContainer
						&& this.configured.add(container)) {
					addInterceptors(listenerContainer);
				}
			}
		});
		this.running = true;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void addInterceptors(AbstractMessageListenerContainer container) {
		String listenerId = container.getListenerId();
		if (listenerId == null) {
			listenerId = container.getBeanName();
		}
		RecordInterceptor record = new RecordContextInterceptor<>(listenerId, this.contexts);
		RecordInterceptor<?, ?> ownRecord = container.getRecordInterceptor();
		container.setRecordInterceptor((ownRecord != null) ? new CompositeRecordInterceptor(record, ownRecord) : record);
		BatchInterceptor batch = new BatchContextInterceptor<>(listenerId, this.contexts);
		BatchInterceptor<?, ?> ownBatch = container.getBatchInterceptor();
		container.setBatchInterceptor((ownBatch != null) ? new CompositeBatchInterceptor(batch, ownBatch) : batch);
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Just before the registry's phase, so that its containers start with the interceptors.
	 */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
	}

}
