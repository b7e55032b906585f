package io.fluxtail.ingest;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reports a refused ingest URL or API key as Spring Boot does, but with the value the exception
 * carries (the URL without its query or user info, the key not at all) instead of the value as
 * set: Boot's own report reads that from the environment, credentials included. It runs before
 * Boot's, which still reports every other property.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException> {

	private final @Nullable ConfigurableEnvironment environment;

	IngestPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = (environment instanceof ConfigurableEnvironment configurable) ? configurable : null;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationPropertyValueException cause) {
		if (!IngestSettings.SECRET_PROPERTIES.contains(cause.getName())) {
			return null;
		}
		Origin origin = origin(cause.getName());
		String description = "Invalid value '" + cause.getValue() + "' for configuration property '"
				+ cause.getName() + "'" + ((origin != null) ? " (originating from '" + origin + "')" : "")
				+ "; the value as set is not shown, as it may carry a credential."
				+ ((cause.getReason() != null) ? " Validation failed for the following reason:\n\n" + cause.getReason()
						: "");
		return new FailureAnalysis(description, "Review the value of the property '" + cause.getName() + "'.", cause);
	}

	private @Nullable Origin origin(String name) {
		if (this.environment == null) {
			return null;
		}
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					&& source.containsProperty(name)) {
				return PropertySourceOrigin.get(source, name);
			}
		}
		return null;
	}

}
