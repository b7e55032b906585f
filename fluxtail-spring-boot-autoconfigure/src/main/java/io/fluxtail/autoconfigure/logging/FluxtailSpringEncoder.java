package io.fluxtail.autoconfigure.logging;

import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;

import org.springframework.core.env.Environment;

/**
 * The Fluxtail encoder for an application's own {@code logback-spring.xml}: it reads
 * {@code fluxtail.*} from the Spring {@code Environment} that Boot stores in the Logback context,
 * exactly as the starter's installed encoder does.
 *
 * <pre>{@code <include resource="io/fluxtail/logback/console-appender.xml"/>}</pre>
 *
 * defines a {@code FLUXTAIL_CONSOLE} appender with this encoder.
 */
public class FluxtailSpringEncoder extends FluxtailEncoder {

	@Override
	protected EncoderConfig resolveConfig(LogFormat format) {
		Object environment = getContext().getObject(Environment.class.getName());
		if (!(environment instanceof Environment env)) {
			addWarn("No Spring Environment in the Logback context; using Fluxtail defaults");
			return super.resolveConfig(format);
		}
		try {
			return FluxtailSettings.encoderConfig(FluxtailSettings.bind(env), env);
		}
		catch (RuntimeException ex) {
			// startup fails with Boot's report naming the property; that report is written in the contract
			addError("Invalid Fluxtail configuration: " + ex.getMessage(), ex);
			return FluxtailSettings.failureReportConfig(env);
		}
	}

	@Override
	public void start() {
		try {
			super.start();
		}
		catch (RuntimeException ex) {
			addError("Invalid Fluxtail configuration: " + ex.getMessage(), ex);
		}
	}

}
