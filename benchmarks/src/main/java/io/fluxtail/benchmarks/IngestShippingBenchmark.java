package io.fluxtail.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.fluxtail.ingest.OtlpHttpTransport;
import io.fluxtail.ingest.Transport;
import io.fluxtail.ingest.Transport.Outcome.Result;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.logs.LowAllocationLogsRequestMarshaler;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How many events per second the shipper's thread gets out: one batch of 512 production-shaped
 * records written as OTLP protobuf, and posted to an OTLP/HTTP server on loopback that reads the
 * body and answers 200. Scores are events per second; run the JVM pinned to one core
 * ({@code taskset -c 0}) to read them as per-core figures, the server's work included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestShippingBenchmark {

	static final int BATCH = 512;

	/** The default batch size: the fixed cost of a request, at both ends, shared by more events. */
	static final int DEFAULT_BATCH = 2048;

	private List<LogRecordData> batch;

	private List<LogRecordData> defaultBatch;

	private HttpServer server;

	private Transport transport;

	@Setup
	public void setUp() throws IOException {
		this.batch = IngestEvents.batch(BATCH);
		this.defaultBatch = IngestEvents.batch(DEFAULT_BATCH);
		if (this.batch.size() != BATCH) {
			throw new IllegalStateException("expected one batch of " + BATCH + ", got " + this.batch.size());
		}
		this.server = OtlpSink.start(0);
		this.transport = new OtlpHttpTransport(
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/logs"), "flx_bench_key",
				Duration.ofSeconds(5), Duration.ofSeconds(10));
	}

	@TearDown
	public void tearDown() {
		this.server.stop(0);
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int marshalBatch() throws IOException {
		LogsRequestMarshaler marshaler = LogsRequestMarshaler.create(this.batch);
		ByteArrayOutputStream out = new ByteArrayOutputStream(marshaler.getBinarySerializedSize());
		marshaler.writeBinaryTo(out);
		return out.size();
	}

	private final LowAllocationLogsRequestMarshaler reusable = new LowAllocationLogsRequestMarshaler();

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int marshalBatchReusable() throws IOException {
		this.reusable.initialize(this.batch);
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(this.reusable.getBinarySerializedSize());
			this.reusable.writeBinaryTo(out);
			return out.size();
		}
		finally {
			this.reusable.reset();
		}
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public Transport.Outcome shipBatch() {
		return sent(this.transport.send(this.batch));
	}

	@Benchmark
	@OperationsPerInvocation(DEFAULT_BATCH)
	public Transport.Outcome shipDefaultBatch() {
		return sent(this.transport.send(this.defaultBatch));
	}

	private static Transport.Outcome sent(Transport.Outcome outcome) {
		if (outcome.result() != Result.SENT) {
			throw new IllegalStateException("not sent: " + outcome);
		}
		return outcome;
	}

}
