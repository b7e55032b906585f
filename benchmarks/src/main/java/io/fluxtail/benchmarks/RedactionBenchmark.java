package io.fluxtail.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import io.fluxtail.logging.redaction.RedactionPolicy;
import net.logstash.logback.encoder.LogstashEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static io.fluxtail.benchmarks.StartedEncoders.started;

/**
 * Fluxtail with every built-in detector, Fluxtail with redaction off, and plain
 * {@link LogstashEncoder}, each encoding a fresh production-shaped event per call
 * ({@link ProductionEvents}): a normal line, the same line carrying one secret, and one carrying
 * three. Beside them, the two floors of Logback's {@code Encoder} contract, which no encoder can
 * pass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedactionBenchmark {

	/** Which line is encoded. */
	@Param({ "normal", "secret", "secrets" })
	public String line;

	/**
	 * Lines per request: {@code 5} as a handler writes a few lines and its completion line;
	 * {@code 1} when every line has new MDC values, the worst case for redaction, which remembers
	 * the values it found clean.
	 */
	@Param({ "5", "1" })
	public int linesPerRequest;

	private ProductionEvents events;

	private Encoder<ILoggingEvent> fluxtailRedactionOn;

	private Encoder<ILoggingEvent> fluxtailRedactionOff;

	private Encoder<ILoggingEvent> fluxtailLogfmt;

	private Encoder<ILoggingEvent> logstashPlain;

	/** The length of Fluxtail's JSON line for this line, for the two floors. */
	private int fluxtailLineLength;

	@Setup
	public void setUp() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.putObject(Environment.class.getName(), new StandardEnvironment());
		this.events = new ProductionEvents(context.getLogger("io.fluxtail.sample.CheckoutController"),
				this.linesPerRequest);
		this.fluxtailRedactionOn = started(new FluxtailEncoder(config(LogFormat.JSON, RedactionPolicy.defaults())), context);
		this.fluxtailRedactionOff = started(new FluxtailEncoder(config(LogFormat.JSON, RedactionPolicy.disabled())),
				context);
		this.fluxtailLogfmt = started(new FluxtailEncoder(config(LogFormat.LOGFMT, RedactionPolicy.defaults())), context);
		LogstashEncoder logstash = new LogstashEncoder();
		logstash.setIncludeContext(false);
		this.logstashPlain = started(logstash, context);
		checkRedaction();
		this.fluxtailLineLength = this.fluxtailRedactionOn.encode(this.events.next(this.line)).length;
	}

	@Benchmark
	public byte[] fluxtailRedactionOn() {
		return this.fluxtailRedactionOn.encode(this.events.next(this.line));
	}

	@Benchmark
	public byte[] fluxtailRedactionOff() {
		return this.fluxtailRedactionOff.encode(this.events.next(this.line));
	}

	@Benchmark
	public byte[] fluxtailLogfmt() {
		return this.fluxtailLogfmt.encode(this.events.next(this.line));
	}

	@Benchmark
	public byte[] logstashPlain() {
		return this.logstashPlain.encode(this.events.next(this.line));
	}

	/**
	 * What any encoder that reads Logback's formatted message and returns the line as Logback's
	 * {@link Encoder} contract asks (a {@code byte[]}) must do: the event's formatted message, and
	 * a new array of the line's length. Its allocation over {@link #logstashPlain()}'s is the
	 * lowest ratio such an encoder can reach, and its throughput the highest.
	 * @return the line's array
	 */
	@Benchmark
	public byte[] floorFormattedMessageAndLine() {
		ILoggingEvent event = this.events.next(this.line);
		return (event.getFormattedMessage() != null) ? new byte[this.fluxtailLineLength] : null;
	}

	/**
	 * The same floor for an encoder that formats the message straight into its line, without
	 * Logback's formatted {@code String}: only the returned array.
	 * @return the line's array
	 */
	@Benchmark
	public byte[] floorLineOnly() {
		ILoggingEvent event = this.events.next(this.line);
		return (event.getLevel() != null) ? new byte[this.fluxtailLineLength] : null;
	}

	private static EncoderConfig config(LogFormat format, RedactionPolicy policy) {
		FieldContract contract = FieldContract.builder()
			.value(CoreFields.SERVICE, "checkout-api")
			.value(CoreFields.ENV, "prod")
			.build();
		return new EncoderConfig(format, contract, StackTraceSettings.defaults(), new ContractStats(), policy);
	}

	/**
	 * A benchmark of a redacting encoder that lets the secret through, or that changes a clean
	 * line, would be worthless.
	 */
	private void checkRedaction() {
		ILoggingEvent event = this.events.next(this.line);
		String on = new String(this.fluxtailRedactionOn.encode(event), StandardCharsets.UTF_8);
		String logfmt = new String(this.fluxtailLogfmt.encode(event), StandardCharsets.UTF_8);
		String off = new String(this.fluxtailRedactionOff.encode(event), StandardCharsets.UTF_8);
		boolean secret = !this.line.equals("normal");
		List<String> secrets = new ArrayList<>(List.of(ProductionEvents.SECRET));
		if (this.line.equals("secrets")) {
			secrets.addAll(List.of(ProductionEvents.MORE_SECRETS));
		}
		for (String value : secrets) {
			if (on.contains(value) || logfmt.contains(value)) {
				throw new IllegalStateException("A secret got through: " + on + logfmt);
			}
		}
		if (!off.contains(secret ? ProductionEvents.SECRET : "cus_")) {
			throw new IllegalStateException("Unexpected line: " + off);
		}
		if (!secret && !on.equals(off)) {
			throw new IllegalStateException("Redaction changed a clean line: " + on);
		}
	}

}
