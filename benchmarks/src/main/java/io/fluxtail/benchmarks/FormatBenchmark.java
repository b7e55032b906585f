package io.fluxtail.benchmarks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import io.fluxtail.logging.contract.Schema;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.event.KeyValuePair;

import static io.fluxtail.benchmarks.StartedEncoders.started;

/**
 * Every Fluxtail format and schema, with default redaction on, against plain
 * {@link LogstashEncoder} on the same production-shaped line: a clock that advances one millisecond
 * per event, five MDC entries (request id, trace and span ids, two business entries), a message
 * with two arguments and three key/value pairs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FormatBenchmark {

	private static final Map<String, String> MDC = Map.of("request_id", "req-9f2c4e1a7b3d", "traceId",
			"4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7", "tenant", "acme-eu", "customer_tier",
			"gold");

	private LoggingEvent event;

	private Encoder<ILoggingEvent> logstashPlain;

	private Encoder<ILoggingEvent> fluxtailJson;

	private Encoder<ILoggingEvent> fluxtailJsonEcs;

	private Encoder<ILoggingEvent> fluxtailLogfmt;

	private Encoder<ILoggingEvent> fluxtailText;

	@Setup
	public void setUp() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		Logger logger = context.getLogger("io.fluxtail.sample.CheckoutController");
		this.event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "order {} accepted for tenant {}",
				null, new Object[] { 4921, "acme-eu" });
		this.event.setTimeStamp(Instant.parse("2026-04-24T10:14:03.125Z").toEpochMilli());
		this.event.setThreadName("http-nio-8080-exec-7");
		this.event.setMDCPropertyMap(MDC);
		this.event.addKeyValuePair(new KeyValuePair("order_id", 4921L));
		this.event.addKeyValuePair(new KeyValuePair("total_cents", 12999L));
		this.event.addKeyValuePair(new KeyValuePair("payment_method", "card"));
		this.event.prepareForDeferredProcessing();
		LogstashEncoder logstash = new LogstashEncoder();
		logstash.setIncludeContext(false);
		this.logstashPlain = started(logstash, context);
		this.fluxtailJson = fluxtail(LogFormat.JSON, Schema.FLUXTAIL, context);
		this.fluxtailJsonEcs = fluxtail(LogFormat.JSON, Schema.ECS, context);
		this.fluxtailLogfmt = fluxtail(LogFormat.LOGFMT, Schema.FLUXTAIL, context);
		this.fluxtailText = fluxtail(LogFormat.TEXT, Schema.FLUXTAIL, context);
	}

	@Benchmark
	public byte[] logstashPlain() {
		return this.logstashPlain.encode(tick());
	}

	@Benchmark
	public byte[] fluxtailJson() {
		return this.fluxtailJson.encode(tick());
	}

	@Benchmark
	public byte[] fluxtailJsonEcs() {
		return this.fluxtailJsonEcs.encode(tick());
	}

	@Benchmark
	public byte[] fluxtailLogfmt() {
		return this.fluxtailLogfmt.encode(tick());
	}

	@Benchmark
	public byte[] fluxtailText() {
		return this.fluxtailText.encode(tick());
	}

	private ILoggingEvent tick() {
		this.event.setTimeStamp(this.event.getTimeStamp() + 1);
		return this.event;
	}

	private static Encoder<ILoggingEvent> fluxtail(LogFormat format, Schema schema, LoggerContext context) {
		FieldContract contract = FieldContract.builder()
			.schema(schema)
			.value(CoreFields.SERVICE, "checkout-api")
			.value(CoreFields.ENV, "prod")
			.value(CoreFields.VERSION, "1.4.2")
			.build();
		return started(new FluxtailEncoder(new EncoderConfig(format, contract, StackTraceSettings.defaults(),
				new ContractStats(), RedactionPolicy.defaults())), context);
	}

}
