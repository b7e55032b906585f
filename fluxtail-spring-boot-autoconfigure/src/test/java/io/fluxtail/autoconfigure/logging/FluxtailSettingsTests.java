package io.fluxtail.autoconfigure.logging;

import java.util.Arrays;
import java.util.stream.Stream;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.LogFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * From {@code fluxtail.*} properties to the contract and encoder configuration.
 */
class FluxtailSettingsTests {

	private final MockEnvironment environment = new MockEnvironment();

	@ParameterizedTest
	@CsvSource({ "fluxtail.service, service", "fluxtail.environment, env", "fluxtail.region, region",
			"fluxtail.version, version", "fluxtail.instance, instance", "fluxtail.worker, worker" })
	void eachPropertyFillsItsFieldAndIsNamedAsTheSource(String property, String field) {
		this.environment.setProperty(property, "  value-of-" + field + " ");
		FieldSpec spec = contract().field(field);
		assertThat(spec.value()).isEqualTo("value-of-" + field);
		assertThat(spec.source().describe()).isEqualTo("property:" + property);
	}

	@ParameterizedTest
	@MethodSource("fieldsSetByAProperty")
	void everyPropertyOfTheCatalogueFillsItsField(FieldDefinition field) {
		this.environment.setProperty(field.property(), "value-of-" + field.fieldName());
		FieldSpec spec = contract().field(field.fieldName());
		assertThat(spec.value()).isEqualTo("value-of-" + field.fieldName());
		assertThat(spec.source()).isEqualTo(field.source());
	}

	static Stream<FieldDefinition> fieldsSetByAProperty() {
		return Arrays.stream(FieldDefinition.values()).filter((field) -> field.property() != null);
	}

	@ParameterizedTest
	@CsvSource({ "service, true", "env, true", "region, false", "version, false", "instance, false", "worker, false" })
	void unsetPropertiesLeaveRequiredFieldsAtTheirDefaultAndOptionalOnesOut(String field, boolean required) {
		FieldSpec spec = contract().field(field);
		assertThat(spec.value()).isNull();
		assertThat(spec.required()).isEqualTo(required);
		assertThat(spec.defaultValue()).isEqualTo(required ? CoreFields.MISSING : null);
	}

	@Test
	void serviceFallsBackToTheApplicationName() {
		this.environment.setProperty("spring.application.name", "checkout-api");
		FieldSpec service = contract().field(CoreFields.SERVICE);
		assertThat(service.value()).isEqualTo("checkout-api");
		assertThat(service.source().describe()).isEqualTo("property:spring.application.name");
		this.environment.setProperty("fluxtail.service", "checkout");
		assertThat(contract().field(CoreFields.SERVICE).value()).isEqualTo("checkout");
	}

	@Test
	void instanceDefaultsToTheHostnameVariableAndAPropertyWins() {
		this.environment.setProperty("HOSTNAME", "checkout-7d9f-x2k4");
		FieldSpec instance = contract().field(CoreFields.INSTANCE);
		assertThat(instance.value()).isEqualTo("checkout-7d9f-x2k4");
		assertThat(instance.source().describe()).isEqualTo("env:HOSTNAME");
		this.environment.setProperty("fluxtail.instance", "replica-2");
		assertThat(contract().field(CoreFields.INSTANCE).value()).isEqualTo("replica-2");
	}

	@Test
	void blankValuesCountAsUnset() {
		this.environment.setProperty("fluxtail.environment", "   ");
		assertThat(contract().field(CoreFields.ENV).value()).isNull();
	}

	@Test
	void formatAndStackTraceSettingsReachTheEncoder() {
		this.environment.setProperty("fluxtail.format", "LogFmt");
		this.environment.setProperty("fluxtail.stack-trace.max-depth", "7");
		this.environment.setProperty("fluxtail.stack-trace.root-cause-first", "true");
		this.environment.setProperty("fluxtail.stack-trace.collapsed-packages", "com.acme.internal.");
		EncoderConfig config = FluxtailSettings.encoderConfig(FluxtailSettings.bind(this.environment),
				this.environment);
		assertThat(config.format()).isEqualTo(LogFormat.LOGFMT);
		assertThat(config.stackTrace().maxDepth()).isEqualTo(7);
		assertThat(config.stackTrace().rootCauseFirst()).isTrue();
		assertThat(config.stackTrace().collapsedPackages()).containsExactly("com.acme.internal.");
	}

	@Test
	void renamingAnUnknownFieldNamesTheProperty() {
		this.environment.setProperty("fluxtail.field-names.nope", "other");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(this::contract)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.field-names"))
			.withMessageContaining("'nope' is not a field of the contract");
	}

	@Test
	void renamingTwoFieldsToOneNameNamesTheProperty() {
		this.environment.setProperty("fluxtail.field-names.env", "environment");
		this.environment.setProperty("fluxtail.field-names.region", "environment");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(this::contract)
			.satisfies((ex) -> assertThat(ex.getName()).startsWith("fluxtail.field-names."));
	}

	@Test
	void renamingAFieldOntoAnotherFieldsNameIsRejected() {
		this.environment.setProperty("fluxtail.field-names.env", CoreFields.SERVICE);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(this::contract)
			.withMessageContaining("Two fields would be written as 'service'");
	}

	@Test
	void stackTraceLimitsMustBeUsable() {
		this.environment.setProperty("fluxtail.stack-trace.max-depth", "0");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> FluxtailSettings.encoderConfig(FluxtailSettings.bind(this.environment),
					this.environment))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.stack-trace.max-depth"));
	}

	@Test
	void aStaticFieldUnderASensitiveNameIsRefusedWithoutRepeatingItsValue() {
		this.environment.setProperty("fluxtail.static-fields.api_key", "k-2f9d7c1a");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(this::encoderConfig)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.static-fields.api_key"))
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo("[REDACTED:sensitive_key]"))
			.withMessageNotContaining("k-2f9d7c1a");
	}

	@Test
	void aStaticFieldWhoseValueHoldsASecretIsRefusedWithoutRepeatingIt() {
		String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
		this.environment.setProperty("fluxtail.static-fields.build", "ci " + token);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(this::encoderConfig)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("fluxtail.static-fields.build"))
			.withMessageContaining("[REDACTED:github_token]")
			.withMessageNotContaining(token);
	}

	@Test
	void ordinaryStaticFieldsAreAccepted() {
		this.environment.setProperty("fluxtail.static-fields.team", "payments");
		this.environment.setProperty("fluxtail.static-fields.cost_center", "cc-4411");
		assertThat(encoderConfig().contract().field("team").value()).isEqualTo("payments");
	}

	@Test
	void theEcsSchemaNamesEveryFieldWhereverTheContractIsRead() {
		this.environment.setProperty("fluxtail.schema", "ecs");
		this.environment.setProperty("fluxtail.format", "text");
		FieldContract contract = encoderConfig().contract();
		assertThat(encoderConfig().format()).isEqualTo(LogFormat.TEXT);
		assertThat(contract.schema()).isEqualTo(Schema.ECS);
		assertThat(contract.field(CoreFields.REQUEST_ID).outputName()).isEqualTo("http.request.id");
		assertThat(contract.fields().stream().map(FieldSpec::outputName)).startsWith("@timestamp", "log.level",
				"message", "log.logger", "process.thread.name", "ecs.version");
	}

	@Test
	void underEcsAStaticFieldCannotTakeAnEcsContractName() {
		this.environment.setProperty("fluxtail.schema", "ecs");
		this.environment.setProperty("fluxtail.static-fields.service.name", "x");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(this::encoderConfig)
			.withMessageContaining("fluxtail.static-fields.service.name");
	}

	@Test
	void anUnknownSchemaFailsNamingTheProperty() {
		this.environment.setProperty("fluxtail.schema", "otel");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(this::encoderConfig)
			.withStackTraceContaining("fluxtail.schema");
	}

	private EncoderConfig encoderConfig() {
		return FluxtailSettings.encoderConfig(FluxtailSettings.bind(this.environment), this.environment);
	}

	private FieldContract contract() {
		return FluxtailSettings.contract(FluxtailSettings.bind(this.environment), this.environment);
	}

}
