package io.fluxtail.ingest;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shipped record's attributes, kept in the order they came instead of sorted by the SDK's
 * builder, with the builder's rules for names given twice, empty names and missing values.
 */
class RecordAttributesTests {

	@Test
	void keepsTheOrderTheFieldsCameIn() {
		RecordAttributes attributes = new RecordAttributes(2);
		attributes.put(AttributeKey.stringKey("request_id"), "req-1");
		attributes.put(AttributeKey.longKey("total_cents"), 12999L);
		attributes.put(AttributeKey.booleanKey("retried"), true);
		List<String> names = new ArrayList<>();
		attributes.forEach((key, value) -> names.add(key.getKey() + "=" + value));
		assertThat(names).containsExactly("request_id=req-1", "total_cents=12999", "retried=true");
		assertThat(attributes.size()).isEqualTo(3);
		assertThat(attributes.get(AttributeKey.longKey("total_cents"))).isEqualTo(12999L);
		assertThat(attributes.get(AttributeKey.stringKey("total_cents"))).isNull();
	}

	@Test
	void aNameGivenTwiceKeepsItsLastValueWhateverItsTypeAsTheBuilderDoes() {
		RecordAttributes attributes = new RecordAttributes(4);
		attributes.put(AttributeKey.stringKey("status"), "ok");
		attributes.put(AttributeKey.longKey("status"), 200L);
		attributes.put(AttributeKey.stringKey(""), "ignored");
		attributes.put(AttributeKey.stringKey("missing"), null);
		Attributes built = Attributes.builder().put("status", "ok").put("status", 200L).put("", "ignored").build();
		assertThat(attributes.size()).isEqualTo(1);
		assertThat(attributes.asMap()).isEqualTo(built.asMap());
		assertThat(attributes).isEqualTo(built);
		assertThat(attributes.toBuilder().build()).isEqualTo(built);
	}

}
