package io.fluxtail.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.line.EventFields;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the shipper's thread does with one batch of 512 production-shaped events before it posts
 * them: {@code mapBatch} maps the copies the logging thread handed over to log records; the OTLP
 * protobuf of those records is written two ways side by side, {@code sdkMarshaler} with the SDK's
 * reusable {@code LowAllocationLogsRequestMarshaler}, as the shipper does, and
 * {@code codedOutputStream} field by field with protobuf-java ({@link CodedOutputLogsWriter}).
 * Scores are per event. For comparison, {@code handOver} is the logging thread's part, the copy of
 * one event's fields, without the queue and without a worker draining beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IngestWorkerBenchmark {

	private final IngestMapping mapping = new IngestMapping(IngestEvents.CONTRACT, Map.of(), "checkout-api");

	private final OpenTelemetryInternals.LogsMarshaler sdk = new OpenTelemetryInternals.LogsMarshaler();

	private final CodedOutputLogsWriter direct = new CodedOutputLogsWriter();

	private final EventFields fields = new EventFields();

	private ILoggingEvent event;

	private List<IngestEvent> events;

	private List<LogRecordData> batch;

	@Setup
	public void setUp() throws IOException {
		IngestEvents one = new IngestEvents();
		one.encoder.setSink((event, fields) -> {
			for (int i = 0; i < fields.size(); i++) {
				this.fields.add(fields.role(i), fields.name(i), fields.value(i));
			}
		});
		one.encodeNext();
		this.event = one.event;
		this.events = IngestEvents.handedOver(IngestShippingBenchmark.BATCH);
		this.batch = IngestEvents.batch(IngestShippingBenchmark.BATCH);
		int sdkSize = this.sdk.protobuf(this.batch).length;
		int directSize = this.direct.protobuf(this.batch).length;
		// the same fields written in another order: the same size (the tests compare them decoded)
		if (this.batch.size() != IngestShippingBenchmark.BATCH || sdkSize != directSize) {
			throw new IllegalStateException(this.batch.size() + " records: " + sdkSize + " bytes from the SDK, "
					+ directSize + " written directly");
		}
	}

	@Benchmark
	public IngestEvent handOver() {
		return IngestEvent.of(this.event, this.fields);
	}

	@Benchmark
	@OperationsPerInvocation(IngestShippingBenchmark.BATCH)
	public void mapBatch(Blackhole blackhole) {
		for (IngestEvent event : this.events) {
			blackhole.consume(this.mapping.toRecord(event));
		}
	}

	@Benchmark
	@OperationsPerInvocation(IngestShippingBenchmark.BATCH)
	public byte[] sdkMarshaler() throws IOException {
		return this.sdk.protobuf(this.batch);
	}

	@Benchmark
	@OperationsPerInvocation(IngestShippingBenchmark.BATCH)
	public byte[] codedOutputStream() throws IOException {
		return this.direct.protobuf(this.batch);
	}

}
