package io.fluxtail.autoconfigure.redaction;

import io.fluxtail.autoconfigure.logging.LoggingInstallation;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.ActiveRedaction;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Lets the application add value detectors as {@link Detector} beans to the running Fluxtail
 * encoders (those the starter installed, or the first of an application's own Logback
 * configuration).
 */
@AutoConfiguration
@ConditionalOnClass(name = { "ch.qos.logback.classic.LoggerContext",
		"net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder" })
public final class FluxtailRedactionAutoConfiguration {

	FluxtailRedactionAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	RedactionDetectorRegistrar fluxtailRedactionDetectorRegistrar(ObjectProvider<Detector> detectors,
			ObjectProvider<LoggingInstallation> installation) {
		return new RedactionDetectorRegistrar(installedRedaction(installation.getIfAvailable()),
				detectors.orderedStream().toList());
	}

	private static @Nullable ActiveRedaction installedRedaction(@Nullable LoggingInstallation installation) {
		EncoderConfig config = (installation != null) ? installation.config() : null;
		return (config != null) ? config.redaction() : null;
	}

}
