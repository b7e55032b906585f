package io.fluxtail.logging.encoder;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * Renders an event's exception with bounded depth and length and collapsed framework frames, on
 * logstash-logback-encoder's {@link ShortenedThrowableConverter}.
 */
final class StackTraceRenderer {

	private final ShortenedThrowableConverter converter = new ShortenedThrowableConverter();

	StackTraceRenderer(StackTraceSettings settings, Context context) {
		this.converter.setContext(context);
		this.converter.setMaxDepthPerThrowable(settings.maxDepth());
		this.converter.setMaxLength(settings.maxLength());
		this.converter.setRootCauseFirst(settings.rootCauseFirst());
		this.converter.setLineSeparator("\n");
		if (!settings.collapsedPackages().isEmpty()) {
			// one anchored alternation instead of one expression per prefix: the converter tries
			// every exclude on every frame
			this.converter.addExclude(settings.collapsedPackages()
				.stream()
				.map(Pattern::quote)
				.collect(Collectors.joining("|", "^(?:", ")")));
		}
		this.converter.start();
	}

	String render(ILoggingEvent event) {
		return this.converter.convert(event);
	}

	void stop() {
		this.converter.stop();
	}

}
