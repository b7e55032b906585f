package io.fluxtail.logging.contract;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of the contract.
 *
 * @param name the default name of the field, one of {@link CoreFields}
 * @param outputName the name written on the line
 * @param origin what fills the field
 * @param source where the value comes from, such as {@code property:fluxtail.service},
 * {@code mdc:request_id} or {@code event}
 * @param required whether the field is written even without a value
 * @param defaultValue the value written when a required field has none
 * @param kind how the field is meant to be queried
 * @param value the value of a static field, {@code null} when unset or not static
 * @param mdcKeys the MDC keys an {@link Origin#MDC} field is read from, first present wins
 */
public record FieldSpec(String name, String outputName, Origin origin, String source, boolean required,
		@Nullable String defaultValue, FieldKind kind, @Nullable String value, List<String> mdcKeys) {

	/**
	 * What fills a field.
	 */
	public enum Origin {

		/** The logging event itself (time, level, logger, thread, message, exception). */
		EVENT,

		/** A configuration property, fixed for the life of the application. */
		STATIC,

		/** The MDC of the thread that logged, per event. */
		MDC

	}

}
