package io.fluxtail.logging.encoder;

import java.util.List;

/**
 * How exceptions are rendered in the {@code stack_trace} field.
 *
 * @param maxDepth maximum number of frames per throwable (the exception and each cause)
 * @param maxLength maximum length of the whole value, in characters
 * @param rootCauseFirst whether the root cause is written first
 * @param collapsedPackages class name prefixes of framework frames collapsed into one line
 */
public record StackTraceSettings(int maxDepth, int maxLength, boolean rootCauseFirst, List<String> collapsedPackages) {

	/** Default frames per throwable. */
	public static final int DEFAULT_MAX_DEPTH = 30;

	/** Default length of the whole stack trace, in characters. */
	public static final int DEFAULT_MAX_LENGTH = 16 * 1024;

	/**
	 * Frames that say nothing about the application's own code: reflection, proxies, servlet and
	 * reactive plumbing.
	 */
	public static final List<String> DEFAULT_COLLAPSED_PACKAGES = List.of("java.lang.reflect.", "jdk.internal.reflect.",
			"sun.reflect.", "org.springframework.aop.", "org.springframework.cglib.", "org.springframework.web.filter.",
			"org.springframework.web.servlet.", "org.springframework.web.method.", "org.springframework.web.reactive.",
			"org.springframework.security.web.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
			"jakarta.servlet.", "reactor.core.publisher.", "reactor.netty.", "io.netty.");

	public StackTraceSettings {
		collapsedPackages = List.copyOf(collapsedPackages);
	}

	/**
	 * Returns the defaults.
	 * @return the default settings
	 */
	public static StackTraceSettings defaults() {
		return new StackTraceSettings(DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, false, DEFAULT_COLLAPSED_PACKAGES);
	}

}
