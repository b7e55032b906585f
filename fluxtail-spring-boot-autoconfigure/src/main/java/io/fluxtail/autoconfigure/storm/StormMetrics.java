package io.fluxtail.autoconfigure.storm;

import java.util.List;

import io.fluxtail.logging.storm.StormFilter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes what storm control suppressed, per level, its summary lines and the kinds of line it
 * throttles now. All read the filter's own counters, so suppressions before the registry existed
 * are included and the log path never touches Micrometer.
 */
class StormMetrics implements MeterBinder {

	/** Counter of the suppressed lines, tagged {@code level}. */
	public static final String SUPPRESSED = "fluxtail.storm.suppressed";

	/** Counter of the summary lines written. */
	public static final String SUMMARIES = "fluxtail.storm.summaries";

	/** Gauge of the kinds of line whose current window has suppressed lines. */
	public static final String THROTTLED = "fluxtail.storm.throttled.keys";

	private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

	private final @Nullable StormFilter storm;

	StormMetrics(@Nullable StormFilter storm) {
		this.storm = storm;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.storm == null) {
			return;
		}
		for (String level : LEVELS) {
			FunctionCounter.builder(SUPPRESSED, this.storm, (storm) -> storm.suppressed(level))
				.tag("level", level)
				.description("Log lines suppressed by storm control")
				.register(registry);
		}
		FunctionCounter.builder(SUMMARIES, this.storm, StormFilter::summaryLines)
			.description("Summary lines storm control wrote for suppressed lines")
			.register(registry);
		Gauge.builder(THROTTLED, this.storm, (storm) -> storm.throttled(Integer.MAX_VALUE).size())
			.description("Kinds of log line whose current window has suppressed lines")
			.register(registry);
	}

}
