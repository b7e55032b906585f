package io.fluxtail.autoconfigure.logging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.Source;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.Detectors;
import io.fluxtail.logging.redaction.PatternDetector;
import io.fluxtail.logging.redaction.RedactionListener;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.SensitiveKeys;
import io.fluxtail.logging.redaction.SizeLimits;
import io.fluxtail.logging.redaction.Triggers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Turns {@code fluxtail.*} properties into the encoder's configuration, failing with a message that
 * names the offending property.
 */
public final class FluxtailSettings {

	private static final String PREFIX = "fluxtail";

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

	private static final Pattern DETECTOR_ID = Pattern.compile("[a-z0-9_]{1,40}");

	private static final String REDACTION = PREFIX + ".redaction";

	private FluxtailSettings() {
	}

	/**
	 * Binds {@code fluxtail.*} from an environment.
	 * @param environment the environment
	 * @return the bound properties, defaults where unset
	 */
	public static FluxtailProperties bind(Environment environment) {
		return Binder.get(environment).bind(PREFIX, FluxtailProperties.class).orElseGet(FluxtailProperties::new);
	}

	/**
	 * Builds the encoder configuration.
	 * @param properties the bound properties
	 * @param environment the environment, for fallbacks such as {@code spring.application.name}
	 * @return the configuration
	 * @throws InvalidConfigurationPropertyValueException when a property has an unusable value
	 */
	public static EncoderConfig encoderConfig(FluxtailProperties properties, Environment environment) {
		FieldContract contract = contract(properties, environment);
		RedactionPolicy redaction = redaction(properties.getRedaction());
		checkNoCredentialIsStatic(contract, redaction);
		return new EncoderConfig(properties.getFormat(), contract, stackTrace(properties), new ContractStats(),
				redaction);
	}

	/**
	 * Static fields are written on every line as configured, so one that redaction would remove
	 * from any other field is refused rather than leaked; the message never repeats the value.
	 */
	private static void checkNoCredentialIsStatic(FieldContract contract, RedactionPolicy redaction) {
		if (!redaction.enabled()) {
			return;
		}
		RedactionPolicy detection = redaction.detection();
		for (FieldSpec field : contract.fields()) {
			String value = field.value();
			if (!(field.source() instanceof Source.Configured configured) || value == null) {
				continue;
			}
			String redacted = detection.redactNamedText(field.name(), value, RedactionListener.none());
			if (!redacted.equals(value)) {
				throw new InvalidConfigurationPropertyValueException(configured.name(), redacted, "Static fields are written on every line as configured, and redaction removes this "
								+ "value from any other field (a sensitive name or a detected secret).");
			}
		}
	}

	/**
	 * The configuration used to write the report of a startup that fails on an invalid
	 * {@code fluxtail.*} property: the configured format when it is valid (else JSON), the service
	 * and environment as configured, built-in redaction, and nothing that could fail again.
	 * @param environment the environment
	 * @return the configuration
	 */
	public static EncoderConfig failureReportConfig(Environment environment) {
		LogFormat format;
		try {
			format = Binder.get(environment).bind(PREFIX + ".format", LogFormat.class).orElse(LogFormat.JSON);
		}
		catch (RuntimeException ex) {
			format = LogFormat.JSON;
		}
		FieldContract.Builder contract = FieldContract.builder();
		for (FieldDefinition field : FieldDefinition.values()) {
			if (field.required() && field.source() instanceof Source.Property property) {
				configuredValue(contract, field, property, environment::getProperty);
			}
		}
		return new EncoderConfig(format, contract.build(), StackTraceSettings.defaults(), new ContractStats());
	}

	/**
	 * Builds the redaction policy, compiling every detector once.
	 * @param redaction the bound {@code fluxtail.redaction.*} properties
	 * @return the policy
	 * @throws InvalidConfigurationPropertyValueException when a property has an unusable value
	 */
	public static RedactionPolicy redaction(FluxtailProperties.Redaction redaction) {
		SizeLimits limits = new SizeLimits(chars(REDACTION + ".max-message-size", redaction.getMaxMessageSize()),
				chars(REDACTION + ".max-field-size", redaction.getMaxFieldSize()));
		SensitiveKeys keys;
		try {
			keys = SensitiveKeys.defaultsPlus(redaction.getSensitiveKeys());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(REDACTION + ".sensitive-keys",
					redaction.getSensitiveKeys(), ex.getMessage());
		}
		return RedactionPolicy.builder()
			.enabled(redaction.isEnabled())
			.keys(keys)
			.detectors(detectors(redaction))
			.partial(redaction.isPartial())
			.limits(limits)
			.build();
	}

	private static List<Detector> detectors(FluxtailProperties.Redaction redaction) {
		List<Detector> detectors = new ArrayList<>();
		Set<String> builtIn = new HashSet<>();
		Detectors.defaults().forEach((detector) -> builtIn.add(detector.id()));
		for (String disabled : redaction.getDisabledDetectors()) {
			if (!builtIn.contains(disabled)) {
				throw new InvalidConfigurationPropertyValueException(REDACTION + ".disabled-detectors", disabled,
						"Not a built-in detector. Known detectors: " + builtIn.stream().sorted().toList());
			}
		}
		for (Detector detector : Detectors.defaults()) {
			if (!redaction.getDisabledDetectors().contains(detector.id())) {
				detectors.add(detector);
			}
		}
		for (Map.Entry<String, FluxtailProperties.CustomDetector> entry : redaction.getDetectors().entrySet()) {
			detectors.add(customDetector(entry.getKey(), entry.getValue(), builtIn));
		}
		detectors.addAll(Detectors.registered(FluxtailSettings.class.getClassLoader()));
		return detectors;
	}

	private static Detector customDetector(String id, FluxtailProperties.CustomDetector custom, Set<String> builtIn) {
		String property = REDACTION + ".detectors." + id;
		if (!DETECTOR_ID.matcher(id).matches() || builtIn.contains(id) || id.equals(SensitiveKeys.ID)) {
			throw new InvalidConfigurationPropertyValueException(property, id,
					"Detector ids are 1 to 40 characters of a-z, 0-9 and '_', and must not be a built-in id.");
		}
		String pattern = custom.getPattern();
		if (!StringUtils.hasText(pattern)) {
			throw new InvalidConfigurationPropertyValueException(property + ".pattern", pattern,
					"A detector needs a regular expression.");
		}
		if (custom.getTriggers().stream().anyMatch((trigger) -> trigger == null || trigger.isEmpty())) {
			throw new InvalidConfigurationPropertyValueException(property + ".triggers", custom.getTriggers(),
					"Triggers must not be empty.");
		}
		Triggers triggers = custom.getTriggers().isEmpty() ? Triggers.always()
				: new Triggers(custom.getTriggers(), 0);
		String description = StringUtils.hasText(custom.getDescription()) ? custom.getDescription()
				: "Custom pattern " + pattern;
		try {
			return PatternDetector.of(id, description, pattern, triggers);
		}
		catch (PatternSyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(property + ".pattern", pattern,
					"Not a valid regular expression: " + ex.getDescription() + " near index " + ex.getIndex() + ".");
		}
	}

	private static int chars(String property, DataSize size) {
		long bytes = size.toBytes();
		if (bytes < SizeLimits.MIN_CHARS || bytes > Integer.MAX_VALUE / 2) {
			throw new InvalidConfigurationPropertyValueException(property, size,
					"Must be between " + SizeLimits.MIN_CHARS + "B and 1GB.");
		}
		return (int) bytes;
	}

	/**
	 * Builds the field contract.
	 * @param properties the bound properties
	 * @param environment the environment, for fallbacks such as {@code spring.application.name}
	 * @return the contract
	 */
	public static FieldContract contract(FluxtailProperties properties, Environment environment) {
		FieldContract.Builder builder = FieldContract.builder().schema(properties.getSchema());
		BeanWrapper bound = PropertyAccessorFactory.forBeanPropertyAccess(properties);
		Function<String, @Nullable Object> read = (property) -> property.startsWith(PREFIX + ".")
				? bound.getPropertyValue(beanPath(property)) : environment.getProperty(property);
		for (FieldDefinition field : FieldDefinition.values()) {
			if (field.source() instanceof Source.Property property) {
				configuredValue(builder, field, property, read);
			}
		}
		Set<String> outputNames = new HashSet<>();
		for (Map.Entry<String, String> rename : properties.getFieldNames().entrySet()) {
			String property = PREFIX + ".field-names." + rename.getKey();
			checkFieldName(property, rename.getValue());
			if (!outputNames.add(rename.getValue())) {
				throw new InvalidConfigurationPropertyValueException(property, rename.getValue(),
						"Another field is already renamed to '" + rename.getValue() + "'.");
			}
			builder.outputName(rename.getKey(), rename.getValue());
		}
		FieldContract defaults = FieldContract.builder().schema(properties.getSchema()).build();
		for (Map.Entry<String, String> field : properties.getStaticFields().entrySet()) {
			String property = PREFIX + ".static-fields." + field.getKey();
			checkFieldName(property, field.getKey());
			if (defaults.isReserved(field.getKey()) || outputNames.contains(field.getKey())) {
				throw new InvalidConfigurationPropertyValueException(property, field.getValue(),
						"'" + field.getKey() + "' is a contract field; choose another name.");
			}
			builder.extraField(field.getKey(), field.getValue());
		}
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".field-names", properties.getFieldNames(),
					ex.getMessage() + ". Known fields: " + defaults.fields().stream().map((f) -> f.name()).toList());
		}
	}

	/**
	 * The property's value, else its fallback's (such as {@code spring.application.name}, or
	 * {@code HOSTNAME}, the pod name on Kubernetes); a field neither sets stays unset, named by its
	 * property.
	 */
	private static void configuredValue(FieldContract.Builder builder, FieldDefinition field,
			Source.Property property, Function<String, @Nullable Object> read) {
		String value = textOrNull(read.apply(property.name()));
		Source.Configured fallback = property.fallback();
		String fallbackValue = (value == null && fallback != null) ? textOrNull(read.apply(fallback.name())) : null;
		if (fallbackValue != null) {
			builder.value(field.fieldName(), fallbackValue, fallback);
		}
		else {
			builder.value(field.fieldName(), value, property);
		}
	}

	/**
	 * The bean path of a {@code fluxtail.*} property: {@code fluxtail.deployment-id} is
	 * {@code deploymentId}.
	 */
	private static String beanPath(String property) {
		StringBuilder path = new StringBuilder();
		boolean wordStart = false;
		for (char c : property.substring(PREFIX.length() + 1).toCharArray()) {
			if (c == '-') {
				wordStart = true;
			}
			else {
				path.append(wordStart ? Character.toUpperCase(c) : c);
				wordStart = false;
			}
		}
		return path.toString();
	}

	private static StackTraceSettings stackTrace(FluxtailProperties properties) {
		FluxtailProperties.StackTrace stackTrace = properties.getStackTrace();
		if (stackTrace.getMaxDepth() < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".stack-trace.max-depth",
					stackTrace.getMaxDepth(), "Must be at least 1.");
		}
		if (stackTrace.getMaxLength() < 256) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".stack-trace.max-length",
					stackTrace.getMaxLength(), "Must be at least 256 characters.");
		}
		return new StackTraceSettings(stackTrace.getMaxDepth(), stackTrace.getMaxLength(),
				stackTrace.isRootCauseFirst(), stackTrace.getCollapsedPackages());
	}

	private static void checkFieldName(String property, String name) {
		if (!FIELD_NAME.matcher(name).matches()) {
			throw new InvalidConfigurationPropertyValueException(property, name,
					"Field names must be 1 to 64 characters of letters, digits, '_', '.', '@' or '-'.");
		}
	}

	private static @Nullable String textOrNull(@Nullable Object value) {
		return (value != null && StringUtils.hasText(value.toString())) ? value.toString().trim() : null;
	}

}
