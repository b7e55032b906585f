package io.fluxtail.logging.encoder;

import java.util.regex.Pattern;

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
		for (String prefix : settings.collapsedPackages()) {
			this.converter.addExclude("^" + Pattern.quote(prefix));
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
