package io.fluxtail.testsupport;

/**
 * The {@code spring.autoconfigure.exclude} values that pick one application shape out of this
 * module's test classpath, which has both web stacks and both tracing bridges.
 */
public final class Exclusions {

	private static final String EXCLUDE = "spring.autoconfigure.exclude=";

	private static final String BRAVE = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration";

	private static final String OPENTELEMETRY = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration";

	/** Tomcat would win over Reactor Netty for a reactive application. */
	private static final String TOMCAT_REACTIVE = "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration";

	/** Spring MVC traced by Brave. */
	public static final String SERVLET_BRAVE = EXCLUDE + OPENTELEMETRY;

	/** Spring MVC without a tracer. */
	public static final String SERVLET_NO_TRACER = EXCLUDE + BRAVE + "," + OPENTELEMETRY;

	/** WebFlux on Reactor Netty traced by the OpenTelemetry bridge. */
	public static final String REACTIVE_OPENTELEMETRY = EXCLUDE + BRAVE + "," + TOMCAT_REACTIVE;

	/** WebFlux on Reactor Netty without a tracer. */
	public static final String REACTIVE_NO_TRACER = EXCLUDE + BRAVE + "," + OPENTELEMETRY + "," + TOMCAT_REACTIVE;

	private Exclusions() {
	}

}
