package io.fluxtail.autoconfigure.logging;

import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.fingerprint.ErrorFingerprints;
import io.fluxtail.logging.redaction.ActiveRedaction;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.SensitiveKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.json.JsonWriter.MemberPath;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.WritableJson;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * Carries the Fluxtail contract and redaction into Spring Boot's own structured formats
 * ({@code ecs}, {@code logstash}, {@code gelf}), on the console and in the file alike. Boot loads it
 * from {@code META-INF/spring.factories} for every JSON format it builds.
 *
 * <p>
 * Every value Boot writes (the message, MDC entries, key/value pairs, nested values, the exception
 * message and the stack trace) passes through Fluxtail's redaction as a JSON value processor: a
 * value under a sensitive name is replaced whole, any other text is searched by the detectors and
 * bounded by the size limits. The static contract fields are added under the format's names; the
 * fields Boot's formatter writes itself (ECS {@code service.*}, GELF {@code host}) are filled
 * through Boot's own properties by {@link BootStructuredLoggingDefaults}. A line outside a unit of
 * work gets {@code request_id} as {@code -}, as in Fluxtail's own formats.
 */
class FluxtailJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	private static final String CONTEXT_KEY = FluxtailJsonMembersCustomizer.class.getName();

	private static final Set<String> UNIT_OF_WORK_FIELDS = FieldDefinition.mdcFields()
		.stream()
		.map(FieldDefinition::fieldName)
		.collect(Collectors.toUnmodifiableSet());

	private final Environment environment;

	FluxtailJsonMembersCustomizer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void customize(Members<Object> members) {
		BootStructuredFormat format = BootStructuredFormat.primary(this.environment);
		if (format == null || !FluxtailLoggingInstaller.appliesTo(this.environment)) {
			return;
		}
		EncoderConfig config = sharedConfig();
		addContractFields(members, config.contract(), format);
		addErrorFingerprint(members, new ErrorFingerprints(config.stackTrace().collapsedPackages()), format);
		ActiveRedaction redaction = config.redaction();
		if (redaction.policy().enabled()) {
			members.applyingValueProcessor((path, value) -> redact(redaction, path, value));
		}
	}

	/**
	 * One configuration for the console and file formats of an application, kept in the Logback
	 * context: the installer records it, so that the endpoint counts these redactions and the
	 * application's detector beans join them.
	 */
	private EncoderConfig sharedConfig() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return config();
		}
		if (context.getObject(CONTEXT_KEY) instanceof BootFormatConfig shared && shared.environment() == this.environment) {
			return shared.config();
		}
		EncoderConfig config = config();
		context.putObject(CONTEXT_KEY, new BootFormatConfig(this.environment, config));
		return config;
	}

	/**
	 * Returns the configuration Boot's formats use for an application.
	 * @param context the Logback context
	 * @param environment the application's environment
	 * @return the configuration, {@code null} when no Boot format was built for that application
	 */
	static @Nullable EncoderConfig sharedConfig(LoggerContext context, Environment environment) {
		return (context.getObject(CONTEXT_KEY) instanceof BootFormatConfig shared && shared.environment() == environment)
				? shared.config() : null;
	}

	/**
	 * An invalid {@code fluxtail.*} property fails the startup with Boot's report; until then
	 * Boot's format still gets the built-in redaction.
	 */
	private EncoderConfig config() {
		try {
			return FluxtailSettings.encoderConfig(FluxtailSettings.bind(this.environment), this.environment);
		}
		catch (RuntimeException ex) {
			return FluxtailSettings.failureReportConfig(this.environment);
		}
	}

	private static void addContractFields(Members<Object> members, FieldContract contract,
			BootStructuredFormat format) {
		format.contractFields(contract).forEach((name, value) -> members.add(name, value));
		// Present in the MDC, Boot writes it with the other MDC entries; absent, the contract's '-'.
		members.add(CoreFields.REQUEST_ID, FluxtailJsonMembersCustomizer::missingRequestId).whenNotNull();
		// Boot writes MDC keys as they are (GELF with '_' first): the unit of work's fields take
		// the format's names.
		members.applyingNameProcessor((path, name) -> (isTopLevel(path) && UNIT_OF_WORK_FIELDS.contains(name))
				? format.fieldName(name) : name);
	}

	/**
	 * Boot's formats write the exception themselves; its fingerprint joins them under the format's
	 * name for the field, as Fluxtail's own formats write it.
	 */
	private static void addErrorFingerprint(Members<Object> members, ErrorFingerprints fingerprints,
			BootStructuredFormat format) {
		members.add(format.fieldName(CoreFields.ERROR_FINGERPRINT), (event) -> fingerprintOf(fingerprints, event))
			.whenNotNull();
	}

	private static @Nullable String fingerprintOf(ErrorFingerprints fingerprints, Object event) {
		IThrowableProxy thrown = (event instanceof ILoggingEvent logback) ? logback.getThrowableProxy() : null;
		return (thrown != null) ? fingerprints.of(thrown) : null;
	}

	private static boolean isTopLevel(MemberPath path) {
		MemberPath parent = path.parent();
		return parent != null && parent.parent() == null;
	}

	private static @Nullable String missingRequestId(Object event) {
		Map<String, String> mdc = (event instanceof ILoggingEvent logback) ? logback.getMDCPropertyMap() : null;
		return (mdc == null || mdc.get(CoreFields.REQUEST_ID) == null) ? CoreFields.MISSING : null;
	}

	private static @Nullable Object redact(ActiveRedaction redaction, MemberPath path, @Nullable Object value) {
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Map
				|| value instanceof Iterable || value instanceof WritableJson || value instanceof TemporalAccessor
				|| value.getClass().isArray()) {
			// containers are redacted value by value as Boot writes their members
			return value;
		}
		String text = value.toString();
		String name = (path.name() != null) ? path.name() : "";
		RedactionPolicy policy = redaction.policy();
		String redacted;
		if (name.endsWith("stack_trace") || name.equals("full_message")) {
			redacted = policy.redactStackTrace(text, redaction.stats());
		}
		else if (policy.isSensitiveKey(name)) {
			redaction.stats().redacted(SensitiveKeys.ID);
			redacted = policy.keyReplacement();
		}
		else {
			int limit = (name.equals("message") || name.equals("short_message")) ? policy.limits().maxMessageChars()
					: policy.limits().maxFieldChars();
			redacted = policy.redactText(text, limit, redaction.stats());
		}
		return (redacted == text) ? value : redacted;
	}

	private record BootFormatConfig(Environment environment, EncoderConfig config) {
	}

}
