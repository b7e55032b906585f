package io.fluxtail.autoconfigure.debug;

import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugStats;
import io.fluxtail.logging.debug.TokenCheck;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes what debug-on-error and debug on demand did. All read their own counters, so the log
 * path never touches Micrometer.
 */
class DebugMetrics implements MeterBinder {

	/** Counter of the units whose kept lines were written because they failed. */
	public static final String UNITS_FLUSHED = "fluxtail.debug.units.flushed";

	/** Counter of kept lines, tagged {@code outcome}: {@code flushed}, {@code discarded}, {@code left-out}. */
	public static final String LINES = "fluxtail.debug.lines";

	/** Gauge of the estimated bytes the running units' kept lines hold. */
	public static final String BYTES_HELD = "fluxtail.debug.bytes.held";

	/** Counter of the requests by what their debug token was, tagged {@code result}. */
	public static final String TOKENS = "fluxtail.debug.tokens";

	private final @Nullable DebugLines lines;

	DebugMetrics(@Nullable DebugLines lines) {
		this.lines = lines;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.lines == null) {
			return;
		}
		DebugStats stats = this.lines.stats();
		FunctionCounter.builder(UNITS_FLUSHED, stats, DebugStats::unitsFlushed)
			.description("Units of work whose kept debug lines were written because they failed")
			.register(registry);
		line(registry, stats, "flushed", DebugStats::linesFlushed);
		line(registry, stats, "discarded", DebugStats::linesDiscarded);
		line(registry, stats, "left-out", DebugStats::linesLeftOut);
		Gauge.builder(BYTES_HELD, this.lines, DebugLines::bytesHeld)
			.description("Estimated bytes held by the kept debug lines of running units of work")
			.baseUnit("bytes")
			.register(registry);
		if (this.lines.settings().onDemandLevel() != null) {
			for (TokenCheck check : TokenCheck.values()) {
				FunctionCounter.builder(TOKENS, stats, (counted) -> counted.tokens(check))
					.tag("result", check.id())
					.description("Requests by what their debug-on-demand token was")
					.register(registry);
			}
		}
	}

	private static void line(MeterRegistry registry, DebugStats stats, String outcome,
			java.util.function.ToDoubleFunction<DebugStats> count) {
		FunctionCounter.builder(LINES, stats, count)
			.tag("outcome", outcome)
			.description("Debug lines kept by debug-on-error, by what became of them")
			.register(registry);
	}

}
