package io.fluxtail.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.fluxtail.ingest.Transport.Outcome.Result;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
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
 * ({@code taskset -c 0}) to read them as per-core figures, the server's work and the HTTP
 * client's own threads included.
 *
 * <p>
 * {@code shipBatch} is the starter's transport (a kept-alive {@code HttpURLConnection});
 * {@code shipBatchWithJdkHttpClient} posts the same protobuf with the JDK's asynchronous
 * {@code HttpClient}, the transport it replaced. On one core these scores are events per second of
 * wall time, which the exchange's waits lower too; {@link TransportCpu} compares the CPU each
 * spends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestShippingBenchmark {

	static final int BATCH = 512;

	/** A larger batch: the fixed cost of a request, at both ends, shared by more events. */
	static final int LARGE_BATCH = 2048;

	private List<LogRecordData> batch;

	private List<LogRecordData> largeBatch;

	private JdkHttpClientPost jdkHttpClient;

	private HttpServer server;

	private Transport transport;

	@Setup
	public void setUp() throws IOException {
		this.batch = IngestEvents.batch(BATCH);
		this.largeBatch = IngestEvents.batch(LARGE_BATCH);
		if (this.batch.size() != BATCH) {
			throw new IllegalStateException("expected one batch of " + BATCH + ", got " + this.batch.size());
		}
		this.server = OtlpSink.start(0);
		URI endpoint = OtlpSink.url(this.server);
		this.transport = new OtlpHttpTransport(endpoint, "flx_bench_key", Duration.ofSeconds(5), Duration.ofSeconds(10));
		this.jdkHttpClient = new JdkHttpClientPost(endpoint);
	}

	@TearDown
	public void tearDown() {
		this.transport.close();
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

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int marshalBatchReusable() throws IOException {
		return this.jdkHttpClient.protobuf(this.batch).length;
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public Transport.Outcome shipBatch() {
		return sent(this.transport.send(this.batch));
	}

	@Benchmark
	@OperationsPerInvocation(BATCH)
	public int shipBatchWithJdkHttpClient() throws IOException, InterruptedException {
		int status = this.jdkHttpClient.send(this.batch);
		if (status != 200) {
			throw new IllegalStateException("not sent: HTTP " + status);
		}
		return status;
	}

	@Benchmark
	@OperationsPerInvocation(LARGE_BATCH)
	public Transport.Outcome shipLargeBatch() {
		return sent(this.transport.send(this.largeBatch));
	}

	private static Transport.Outcome sent(Transport.Outcome outcome) {
		if (outcome.result() != Result.SENT) {
			throw new IllegalStateException("not sent: " + outcome);
		}
		return outcome;
	}

}
