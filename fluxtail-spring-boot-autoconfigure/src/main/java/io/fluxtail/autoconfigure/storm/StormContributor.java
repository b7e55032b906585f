package io.fluxtail.autoconfigure.storm;

import java.util.Map;
import java.util.function.Supplier;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.StormDescriptor;
import io.fluxtail.logging.storm.StormFilter;
import io.fluxtail.logging.storm.StormSettings;
import org.jspecify.annotations.Nullable;

/**
 * Storm control's part of {@code /actuator/fluxtail}: its limits, the lines suppressed per level,
 * and the kinds of line throttled now.
 */
final class StormContributor implements FluxtailContributor {

	private static final int MAX_THROTTLED = 20;

	private final Supplier<@Nullable StormFilter> storm;

	StormContributor(Supplier<@Nullable StormFilter> storm) {
		this.storm = storm;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		builder.section("storm", describe(this.storm.get()));
	}

	static StormDescriptor describe(@Nullable StormFilter storm) {
		if (storm == null) {
			return new StormDescriptor(false, null, null, null, null, null, 0, Map.of(), Map.of(), 0, java.util.List.of());
		}
		StormSettings settings = storm.settings();
		return new StormDescriptor(true, settings.limit(), settings.window().toString(), settings.maxKeys(),
				settings.minLevel().toString(),
				(settings.neverSuppressAbove() != null) ? settings.neverSuppressAbove().toString() : null,
				storm.trackedKeys(), storm.suppressedByLevel(), storm.writtenByLevel(), storm.summaryLines(),
				storm.throttled(MAX_THROTTLED)
					.stream()
					.map((throttled) -> new StormDescriptor.Throttled(throttled.kind(), throttled.key(), throttled.logger(),
							throttled.level(), throttled.suppressed(), throttled.written(), throttled.since()))
					.toList());
	}

}
