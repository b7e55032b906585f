package io.fluxtail.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FieldDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.RedactionDescriptor;
import io.fluxtail.autoconfigure.logging.FluxtailProperties;
import io.fluxtail.autoconfigure.logging.Installation;
import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.FieldSpec;
import io.fluxtail.logging.contract.Presence;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.redaction.RedactionListener;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.RedactionStats;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * The core of {@code /actuator/fluxtail}: how logging is installed, the contract's fields,
 * redaction and the encoders' counters, read from the running encoders' configuration, or from the
 * properties when no encoder runs.
 */
final class LoggingContributor implements FluxtailContributor {

	private final Supplier<@Nullable LoggingInstallation> installation;

	private final FluxtailProperties properties;

	private final Environment environment;

	LoggingContributor(Supplier<@Nullable LoggingInstallation> installation, FluxtailProperties properties,
			Environment environment) {
		this.installation = installation;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		LoggingInstallation installation = this.installation.get();
		Installation decision = (installation != null) ? installation.decision() : null;
		EncoderConfig config = LoggingInstallation.configInUse(installation, this.properties, this.environment);
		String reason = (decision == null) ? "the Fluxtail installer did not run for this application"
				: (decision.reason() != null) ? decision.reason().description() : null;
		builder.installation(decision != null && decision.installed(), reason,
				config.format().name().toLowerCase(Locale.ROOT),
				(installation != null) ? installation.appenders() : List.of());
		RedactionPolicy detection = config.redaction().policy().detection();
		for (FieldSpec field : config.contract().fields()) {
			// Shown as redaction would write it (even with redaction off), counting nothing, so
			// that calling the endpoint does not move the counters.
			builder.field(FieldDescriptor.of(field,
					(field.value() != null)
							? detection.redactNamedText(field.outputName(), field.value(), RedactionListener.none()) : null,
					presenceOf(field)));
		}
		builder.section("redaction", RedactionDescriptor.of(config.redaction().policy()));
		ContractStats stats = config.stats();
		RedactionStats redactions = config.redaction().stats();
		builder.stat("eventsByLevel", stats.eventsByLevel())
			.stat("defaultsApplied", stats.defaultsApplied())
			.stat("conflictsRenamed", stats.conflictsRenamed())
			.stat("conflictsDropped", stats.conflictsDropped())
			.stat("serializationFailures", stats.serializationFailures())
			.stat("encoderErrors", stats.encoderErrors())
			.stat("redactionsByDetector", redactions.redactionsByDetector())
			.stat("truncations", redactions.truncations())
			.stat("redactionFailuresByDetector", redactions.failuresByDetector());
	}

	/**
	 * The catalogue says which lines carry a field when every capability runs; here, what its
	 * value alone says. The capabilities that fill MDC fields (request context, job runs, records)
	 * narrow it further with what really runs.
	 */
	private static Presence presenceOf(FieldSpec field) {
		FieldDefinition definition = field.definition();
		if (definition == null) {
			return (field.value() != null) ? Presence.EVERY_LINE : Presence.WHEN_CONFIGURED;
		}
		return switch (definition.presence()) {
			case WHEN_CONFIGURED -> (field.value() != null) ? Presence.EVERY_LINE : Presence.WHEN_CONFIGURED;
			case IN_JOB, IN_TRACE -> Presence.WHEN_IN_MDC;
			default -> definition.presence();
		};
	}

}
