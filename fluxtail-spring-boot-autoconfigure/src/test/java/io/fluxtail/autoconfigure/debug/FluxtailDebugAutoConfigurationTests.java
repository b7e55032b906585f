package io.fluxtail.autoconfigure.debug;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.fluxtail.actuate.DebugDescriptor;
import io.fluxtail.autoconfigure.FluxtailAutoConfiguration;
import io.fluxtail.logging.debug.DebugFilter;
import io.fluxtail.logging.debug.DebugLines;
import io.fluxtail.logging.debug.DebugOnDemand;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class FluxtailDebugAutoConfigurationTests {

	private static final String KEY = "0123456789abcdef0123456789abcdef";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FluxtailAutoConfiguration.class, FluxtailDebugAutoConfiguration.class,
				FluxtailDebugMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void bothAreOffByDefaultAndNoFilterIsInstalled() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(DebugLines.class).doesNotHaveBean(DebugOnDemand.class);
			assertThat(filters()).isZero();
			assertThat(DebugContributor.describe(null, null).onError()).isFalse();
		});
	}

	@Test
	void debugOnErrorInstallsTheFilterFirstWhileTheApplicationRuns() {
		this.runner.withPropertyValues("fluxtail.debug-on-error.enabled=true", "fluxtail.debug-on-error.max-lines-per-unit=50",
				"fluxtail.debug-on-error.max-bytes=1MB")
			.run((context) -> {
				DebugLines lines = context.getBean(DebugLines.class);
				assertThat(lines.settings().keepLevel()).isEqualTo(Level.DEBUG);
				assertThat(lines.settings().maxLinesPerUnit()).isEqualTo(50);
				assertThat(lines.settings().maxBytes()).isEqualTo(1024 * 1024);
				assertThat(lines.settings().onDemandLevel()).isNull();
				assertThat(this.logback.getTurboFilterList().get(0)).isInstanceOf(DebugFilter.class);
				assertThat(context).doesNotHaveBean(DebugOnDemand.class);
				// Boot's metrics auto-configuration binds every MeterBinder bean; here, by hand
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(DebugMetrics.class).bindTo(meters);
				assertThat(meters.get(DebugMetrics.LINES).tag("outcome", "left-out").functionCounter().count()).isZero();
				assertThat(meters.find(DebugMetrics.TOKENS).meters()).isEmpty();
			});
		assertThat(filters()).isZero();
	}

	@Test
	void debugOnDemandTakesItsKeyAndHeader() {
		this.runner.withPropertyValues("fluxtail.debug-on-demand.key=" + KEY, "fluxtail.debug-on-demand.header=X-Debug")
			.run((context) -> {
				assertThat(context.getBean(DebugOnDemand.class).header()).isEqualTo("X-Debug");
				DebugLines lines = context.getBean(DebugLines.class);
				assertThat(lines.settings().onDemandLevel()).isEqualTo(Level.DEBUG);
				assertThat(lines.settings().keepLevel()).isNull();
				DebugDescriptor debug = DebugContributor.describe(lines, context.getBean(DebugOnDemand.class));
				assertThat(debug.onDemand()).isTrue();
				assertThat(debug.onDemandHeader()).isEqualTo("X-Debug");
				assertThat(debug.tokens()).containsOnlyKeys("accepted", "missing", "malformed", "expired", "forged",
						"other-path");
				// Boot's metrics auto-configuration binds every MeterBinder bean; here, by hand
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(DebugMetrics.class).bindTo(meters);
				assertThat(meters.get(DebugMetrics.TOKENS).tag("result", "forged").functionCounter().count()).isZero();
			});
	}

	@Test
	void aKeyShorterThan32BytesFailsStartupWithoutShowingIt() {
		this.runner.withPropertyValues("fluxtail.debug-on-demand.key=too-short-secret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("fluxtail.debug-on-demand.key")
				.hasMessageContaining("16 bytes")
				.hasMessageNotContaining("too-short-secret"));
	}

	@Test
	void aNegativeLimitFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("fluxtail.debug-on-error.enabled=true", "fluxtail.debug-on-error.max-lines-per-unit=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("fluxtail.debug-on-error.max-lines-per-unit"));
	}

	@Test
	void fluxtailSwitchedOffSwitchesBothOff() {
		this.runner.withPropertyValues("fluxtail.enabled=false", "fluxtail.debug-on-error.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(DebugLines.class));
	}

	private long filters() {
		return this.logback.getTurboFilterList().stream().filter(DebugFilter.class::isInstance).count();
	}

}
