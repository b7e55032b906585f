package io.fluxtail.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import io.fluxtail.logging.redaction.Detector;
import io.fluxtail.logging.redaction.Detectors;
import io.fluxtail.logging.redaction.PatternDetector;
import io.fluxtail.logging.redaction.RedactionPolicy;
import io.fluxtail.logging.redaction.SensitiveKeys;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static io.fluxtail.benchmarks.StartedEncoders.started;

/**
 * Every candidate encodes the same prepared event, so the numbers compare the encoders alone:
 * Fluxtail JSON with default redaction and without, logstash-logback-encoder's
 * {@link LogstashEncoder} plain and with value masking equivalent to Fluxtail's detectors, and
 * Spring Boot's own structured {@code logstash} format.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EncoderBenchmark {

	/** Which line is encoded. */
	@Param({ "normal", "secret", "exception" })
	public String line;

	/**
	 * {@code fixed}: every encode sees the same timestamp (the default run); {@code advancing}: each
	 * encode is one millisecond later, so no encoder can reuse a formatted timestamp.
	 */
	@Param({ "fixed" })
	public String clock;

	private LoggingEvent event;

	private boolean advancing;

	private Encoder<ILoggingEvent> fluxtailRedactionOn;

	private Encoder<ILoggingEvent> fluxtailRedactionOff;

	private Encoder<ILoggingEvent> logstashPlain;

	private Encoder<ILoggingEvent> logstashMasked;

	private Encoder<ILoggingEvent> bootLogstash;

	@Setup
	public void setUp() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		StandardEnvironment environment = new StandardEnvironment();
		context.putObject(Environment.class.getName(), environment);
		this.event = BenchmarkEvents.create(context, this.line);
		this.event.prepareForDeferredProcessing();
		this.advancing = this.clock.equals("advancing");
		this.fluxtailRedactionOn = started(new FluxtailEncoder(fluxtailConfig(RedactionPolicy.defaults())), context);
		this.fluxtailRedactionOff = started(new FluxtailEncoder(fluxtailConfig(RedactionPolicy.disabled())), context);
		this.logstashPlain = started(logstash(false), context);
		this.logstashMasked = started(logstash(true), context);
		StructuredLogEncoder boot = new StructuredLogEncoder();
		boot.setFormat("logstash");
		this.bootLogstash = started(boot, context);
		checkRedaction();
	}

	@Benchmark
	public byte[] fluxtailRedactionOn() {
		return this.fluxtailRedactionOn.encode(tick());
	}

	@Benchmark
	public byte[] fluxtailRedactionOff() {
		return this.fluxtailRedactionOff.encode(tick());
	}

	@Benchmark
	public byte[] logstashPlain() {
		return this.logstashPlain.encode(tick());
	}

	@Benchmark
	public byte[] logstashMasked() {
		return this.logstashMasked.encode(tick());
	}

	@Benchmark
	public byte[] bootLogstash() {
		return this.bootLogstash.encode(tick());
	}

	private ILoggingEvent tick() {
		if (this.advancing) {
			this.event.setTimeStamp(this.event.getTimeStamp() + 1);
		}
		return this.event;
	}

	private static EncoderConfig fluxtailConfig(RedactionPolicy policy) {
		FieldContract contract = FieldContract.builder()
			.value(CoreFields.SERVICE, "checkout-api")
			.value(CoreFields.ENV, "prod")
			.build();
		return new EncoderConfig(LogFormat.JSON, contract, StackTraceSettings.defaults(), new ContractStats(), policy);
	}

	/**
	 * LogstashEncoder as commonly configured; masked, it gets one value mask per Fluxtail detector
	 * (the same expressions, a regex for cards without the Luhn check) and the sensitive names as
	 * field paths.
	 */
	private static LogstashEncoder logstash(boolean masked) {
		LogstashEncoder encoder = new LogstashEncoder();
		encoder.setIncludeContext(false);
		if (masked) {
			MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
			for (Detector detector : Detectors.defaults()) {
				String regex = (detector instanceof PatternDetector pattern) ? pattern.pattern().pattern()
						: "(?<![A-Za-z0-9._/-])[2-6][0-9]{3}(?:[ -]?[0-9]{3,4}){2,3}[0-9]{0,3}(?![A-Za-z0-9._/-])";
				masking.addValueMask(new MaskingJsonGeneratorDecorator.ValueMask(List.of(regex),
						"[REDACTED:" + detector.id() + "]"));
			}
			masking.addPaths(String.join(",", SensitiveKeys.DEFAULTS));
			masking.start();
			encoder.addDecorator(masking);
		}
		return encoder;
	}

	/** A benchmark of an encoder that does not redact what it claims to would be worthless. */
	private void checkRedaction() {
		if (!this.line.equals("secret")) {
			return;
		}
		for (Encoder<ILoggingEvent> redacting : List.of(this.fluxtailRedactionOn, this.logstashMasked)) {
			String output = new String(redacting.encode(this.event), StandardCharsets.UTF_8);
			if (output.contains(BenchmarkEvents.JWT) || output.contains(BenchmarkEvents.EMAIL)) {
				throw new IllegalStateException("Secret survived: " + output);
			}
		}
		String plain = new String(this.logstashPlain.encode(this.event), StandardCharsets.UTF_8);
		if (!plain.contains(BenchmarkEvents.JWT)) {
			throw new IllegalStateException("The secret line holds no secret: " + plain);
		}
	}

}
