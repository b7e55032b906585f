package io.fluxtail.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fluxtail.benchmarks.ApplicationMdc;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.propagation.WorkStats;
import io.fluxtail.propagation.WorkUnits;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the context of one consumed Kafka record costs, completion line excluded (switched off):
 * header validation, MDC snapshot, seeding and restore. The work itself is a no-op, measured alone
 * as the baseline. The thread's MDC holds five entries, as an application's would. (Until
 * 2026-12-07 half of {@code WorkContextBenchmark}; {@code JobRunBenchmark} is the other half.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordContextBenchmark {

	private Runnable work;

	private RecordContextInterceptor<String, String> records;

	private ConsumerRecord<String, String> record;

	private Blackhole blackhole;

	@Setup(Level.Trial)
	public void setUp(Blackhole blackhole) {
		this.blackhole = blackhole;
		this.work = () -> this.blackhole.consume(this);
		MessageContextSettings settings = new MessageContextSettings("X-Request-Id", true, "msg-", true, false,
				List.of());
		RequestContextStats idStats = new RequestContextStats();
		MessageContexts contexts = new MessageContexts(settings, new RequestIds("msg-", true, idStats), idStats,
				new WorkUnits(null, (name) -> false, new WorkStats()), new WorkUnits(null, (name) -> false, new WorkStats()),
				null);
		this.records = new RecordContextInterceptor<>("orders-listener", contexts);
		this.record = new ConsumerRecord<>("orders", 2, 48213L, "order-42", "{\"order\":42}");
		this.record.headers().add("X-Request-Id", "req-3f9a1c0b7d2e4a65".getBytes(StandardCharsets.UTF_8));
		ApplicationMdc.fill();
	}

	@Benchmark
	public void recordBaseline() {
		this.work.run();
	}

	@Benchmark
	public void record() {
		ConsumerRecord<String, String> delivered = this.records.intercept(this.record, null);
		this.blackhole.consume(delivered);
		this.work.run();
		this.records.success(delivered, null);
		this.records.afterRecord(delivered, null);
	}

}
