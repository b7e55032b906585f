package io.fluxtail.ingest;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of one shipped record, kept in the order its event's fields came. The SDK's
 * builder sorts and copies its pairs when built, a fifth of mapping an event
 * ({@code IngestWorkerBenchmark}); the OTLP marshaler only iterates them, and OTLP does not order
 * attributes. As with the builder, a name given twice keeps its last value, and an empty name or a
 * {@code null} value is ignored, so the keys stay unique.
 */
final class RecordAttributes implements Attributes {

	/** Keys and values alternating, as the SDK keeps them: one array to walk. */
	private Object[] pairs;

	private int size;

	/**
	 * Creates empty attributes.
	 * @param expected how many are expected, such as the event's field count
	 */
	RecordAttributes(int expected) {
		this.pairs = new Object[2 * Math.max(expected, 4)];
	}

	/**
	 * Adds an attribute, or replaces the value of one with the same name.
	 * @param <T> the value's type
	 * @param key the key
	 * @param value the value, ignored when {@code null}
	 */
	<T> void put(AttributeKey<T> key, @Nullable T value) {
		String name = key.getKey();
		if (name.isEmpty() || value == null) {
			return;
		}
		Object[] pairs = this.pairs;
		int end = 2 * this.size;
		for (int i = 0; i < end; i += 2) {
			String other = ((AttributeKey<?>) pairs[i]).getKey();
			if (other == name || other.equals(name)) {
				pairs[i] = key;
				pairs[i + 1] = value;
				return;
			}
		}
		if (end == pairs.length) {
			pairs = Arrays.copyOf(pairs, 2 * end);
			this.pairs = pairs;
		}
		pairs[end] = key;
		pairs[end + 1] = value;
		this.size++;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(AttributeKey<T> key) {
		Object[] pairs = this.pairs;
		for (int i = 0; i < 2 * this.size; i += 2) {
			if (pairs[i].equals(key)) {
				return (T) pairs[i + 1];
			}
		}
		return null;
	}

	@Override
	public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
		Object[] pairs = this.pairs;
		int end = 2 * this.size;
		for (int i = 0; i < end; i += 2) {
			consumer.accept((AttributeKey<?>) pairs[i], pairs[i + 1]);
		}
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public boolean isEmpty() {
		return this.size == 0;
	}

	@Override
	public Map<AttributeKey<?>, Object> asMap() {
		Map<AttributeKey<?>, Object> map = new LinkedHashMap<>();
		forEach(map::put);
		return Collections.unmodifiableMap(map);
	}

	@Override
	@SuppressWarnings("unchecked")
	public AttributesBuilder toBuilder() {
		AttributesBuilder builder = Attributes.builder();
		forEach((key, value) -> builder.put((AttributeKey<Object>) key, value));
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof Attributes attributes) && asMap().equals(attributes.asMap());
	}

	@Override
	public int hashCode() {
		return asMap().hashCode();
	}

	@Override
	public String toString() {
		return asMap().toString();
	}

}
