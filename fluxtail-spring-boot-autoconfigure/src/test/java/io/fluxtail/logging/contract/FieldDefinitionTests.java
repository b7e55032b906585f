package io.fluxtail.logging.contract;

import java.util.Arrays;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the field catalogue is complete, and the contract, the schemas and the endpoint's
 * lists are read from it.
 */
class FieldDefinitionTests {

	@ParameterizedTest
	@EnumSource(FieldDefinition.class)
	void everyFieldHasItsEcsNameOtlpPlaceAndDescription(FieldDefinition field) {
		assertThat(field.fieldName()).matches("[a-z][a-z_]*");
		assertThat(field.ecs().name()).isNotBlank();
		assertThat(field.otlp()).isNotNull();
		if (field.otlp() instanceof OtlpPlace.Attribute attribute) {
			assertThat(attribute.key()).isNotBlank();
		}
		if (field.otlp() instanceof OtlpPlace.ExceptionAttribute attribute) {
			assertThat(attribute.key()).isNotBlank();
		}
		assertThat(field.description()).isNotBlank().endsWith(".");
		assertThat(FieldDefinition.forName(field.fieldName())).isSameAs(field);
	}

	@Test
	void namesAreUniqueUnderEverySchema() {
		assertUnique(FieldDefinition::fieldName);
		assertUnique((field) -> field.ecs().name());
	}

	@Test
	void requiredFieldsOutsideTheEventDefaultToMissing() {
		assertThat(FieldDefinition.SERVICE.required()).isTrue();
		assertThat(FieldDefinition.SERVICE.defaultValue()).isEqualTo(CoreFields.MISSING);
		assertThat(FieldDefinition.REQUEST_ID.defaultValue()).isEqualTo(CoreFields.MISSING);
		assertThat(FieldDefinition.TIMESTAMP.required()).isTrue();
		assertThat(FieldDefinition.TIMESTAMP.defaultValue()).isNull();
		assertThat(FieldDefinition.REGION.required()).isFalse();
		assertThat(FieldDefinition.REGION.defaultValue()).isNull();
	}

	@Test
	void theContractHoldsTheEventThePropertyAndTheMdcFieldsButNotThoseOfSomeLinesOnly() {
		FieldContract contract = FieldContract.builder().build();
		for (FieldDefinition field : FieldDefinition.values()) {
			boolean someLinesOnly = field.presence() == Presence.COMPLETION_EVENT || field.presence() == Presence.IN_RECORD
					|| field.presence() == Presence.BUFFERED_LINE;
			assertThat(contract.field(field.fieldName()) != null).as(field.fieldName()).isEqualTo(!someLinesOnly);
		}
		assertThat(FieldDefinition.completionFields()).extracting(FieldDefinition::fieldName)
			.containsExactly("http_method", "http_route", "http_status", "duration_ms", "outcome");
		assertThat(FieldDefinition.workCompletionFields()).extracting(FieldDefinition::fieldName)
			.containsExactly("duration_ms", "outcome");
		assertThat(FieldDefinition.recordFields()).extracting(FieldDefinition::fieldName)
			.containsExactly("kafka_topic", "kafka_partition", "kafka_offset");
	}

	@Test
	void theEcsSchemaTakesTheCatalogueNames() {
		for (FieldDefinition field : FieldDefinition.values()) {
			assertThat(Schema.ECS.fieldName(field.fieldName())).isEqualTo(field.ecs().name());
			assertThat(Schema.FLUXTAIL.fieldName(field.fieldName())).isEqualTo(field.fieldName());
		}
		FieldContract ecs = FieldContract.builder().schema(Schema.ECS).build();
		assertThat(ecs.eventField(CoreFields.DURATION_MS)).isEqualTo(new Schema.EventField("event.duration", 1_000_000));
		assertThat(ecs.eventField(CoreFields.OUTCOME)).isNull();
	}

	@Test
	void sourcesAreDescribedAsTheEndpointShowsThem() {
		assertThat(FieldDefinition.SERVICE.source().describe()).isEqualTo("property:fluxtail.service");
		assertThat(FieldDefinition.TRACE_ID.source().describe()).isEqualTo("mdc:trace_id|traceId");
		assertThat(FieldDefinition.LEVEL.source().describe()).isEqualTo("event");
		assertThat(FieldDefinition.HTTP_STATUS.source().describe()).isEqualTo("completion-event");
		assertThat(FieldDefinition.KAFKA_OFFSET.source().describe()).isEqualTo("kafka-record");
		assertThat(new Source.EnvironmentVariable("HOSTNAME").describe()).isEqualTo("env:HOSTNAME");
	}

	private static void assertUnique(Function<FieldDefinition, String> name) {
		assertThat(Arrays.stream(FieldDefinition.values()).map(name)).doesNotHaveDuplicates();
	}

}
