package io.fluxtail.autoconfigure.debug;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.DebugDescriptor;
import io.fluxtail.actuate.FieldDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugOnDemand;
import io.fluxtail.logging.debug.DebugSettings;
import io.fluxtail.logging.debug.DebugStats;
import io.fluxtail.logging.debug.TokenCheck;
import org.jspecify.annotations.Nullable;

/**
 * The {@code debug} section of {@code /actuator/fluxtail}: what debug-on-error keeps and did, and
 * what debug on demand accepted and refused; with debug-on-error, the fields of its lines.
 */
final class DebugContributor implements FluxtailContributor {

	private final Supplier<@Nullable DebugLines> lines;

	private final Supplier<@Nullable DebugOnDemand> onDemand;

	DebugContributor(Supplier<@Nullable DebugLines> lines, Supplier<@Nullable DebugOnDemand> onDemand) {
		this.lines = lines;
		this.onDemand = onDemand;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		DebugLines lines = this.lines.get();
		builder.section("debug", describe(lines, this.onDemand.get()));
		if (lines != null && lines.settings().keepLevel() != null) {
			builder.field(FieldDescriptor.of(FieldDefinition.BUFFERED))
				.field(FieldDescriptor.of(FieldDefinition.BUFFERED_LEFT_OUT));
		}
	}

	static DebugDescriptor describe(@Nullable DebugLines lines, @Nullable DebugOnDemand onDemand) {
		if (lines == null) {
			return new DebugDescriptor(false, null, null, null, null, 0, 0, 0, 0, 0, false, null, null, false, Map.of());
		}
		DebugSettings settings = lines.settings();
		DebugStats stats = lines.stats();
		boolean onError = settings.keepLevel() != null;
		Map<String, Long> tokens = new LinkedHashMap<>();
		if (onDemand != null) {
			for (TokenCheck check : TokenCheck.values()) {
				tokens.put(check.id(), stats.tokens(check));
			}
		}
		return new DebugDescriptor(onError, name(settings.keepLevel()), onError ? settings.maxLinesPerUnit() : null,
				onError ? settings.maxBytesPerUnit() : null, onError ? settings.maxBytes() : null, lines.bytesHeld(),
				stats.unitsFlushed(), stats.linesFlushed(), stats.linesDiscarded(), stats.linesLeftOut(),
				onDemand != null, (onDemand != null) ? onDemand.header() : null,
				(onDemand != null) ? name(settings.onDemandLevel()) : null, onDemand != null && settings.forwardToken(),
				tokens);
	}

	private static @Nullable String name(@Nullable Level level) {
		return (level != null) ? level.toString() : null;
	}

}
