package io.fluxtail.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fluxtail.benchmarks.ApplicationMdc;
import io.fluxtail.propagation.RequestContextStats;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.propagation.WorkStats;
import io.fluxtail.propagation.WorkUnits;
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
 * What the context of one scheduled job run costs, completion line excluded (switched off): id
 * generation, MDC snapshot, seeding and restore. The work itself is a no-op, measured alone as the
 * baseline. The thread's MDC holds five entries, as an application's would. (Until 2026-12-07 half
 * of {@code WorkContextBenchmark}; {@code RecordContextBenchmark} is the other half.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JobRunBenchmark {

	private Runnable work;

	private Runnable jobRun;

	private Blackhole blackhole;

	@Setup(Level.Trial)
	public void setUp(Blackhole blackhole) {
		this.blackhole = blackhole;
		this.work = () -> this.blackhole.consume(this);
		JobSettings jobSettings = new JobSettings("job-", Map.of(), false, List.of());
		JobRuns jobRuns = new JobRuns(jobSettings, new RequestIds("job-", false, new RequestContextStats()),
				new WorkUnits(null, (name) -> false, new WorkStats()));
		Runnable scheduled = new Runnable() {

			@Override
			public void run() {
				JobRunBenchmark.this.work.run();
			}

			@Override
			public String toString() {
				return "com.acme.billing.InvoiceRetry.retry";
			}

		};
		this.jobRun = jobRuns.wrap(scheduled);
		ApplicationMdc.fill();
	}

	@Benchmark
	public void jobBaseline() {
		this.work.run();
	}

	@Benchmark
	public void jobRun() {
		this.jobRun.run();
	}

}
