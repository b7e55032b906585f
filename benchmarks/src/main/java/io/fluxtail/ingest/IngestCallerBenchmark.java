package io.fluxtail.ingest;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What shipping costs the thread that logs: one console line with and without the ingest sink
 * copying the encoder's fields and queueing them. The shipper's own thread maps them to OTLP
 * records and sends to a transport that accepts at once, so the queue drains as in a healthy
 * service; on two cores it runs beside the logging thread, and {@code -prof gc} counts its
 * allocation too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestCallerBenchmark {

	/** {@code off}: the console line only; {@code on}: the line and its shipped copy. */
	@Param({ "off", "on" })
	public String shipping;

	private IngestEvents events;

	private FluxtailIngest ingest;

	@Setup
	public void setUp() {
		this.events = new IngestEvents();
		if (this.shipping.equals("on")) {
			this.ingest = IngestEvents.ship(this.events.encoder, (batch) -> Transport.Outcome.SENT, 512);
		}
	}

	@TearDown
	public void tearDown() {
		if (this.ingest != null) {
			this.ingest.stop();
			if (this.ingest.stats().exported() == 0) {
				throw new IllegalStateException("nothing was shipped");
			}
			// events dropped on a full queue cost the caller less: the score is only fair when few are
			System.out.printf("%nshipped %d, dropped %s%n", this.ingest.stats().exported(),
					this.ingest.stats().droppedByReason());
		}
	}

	@Benchmark
	public byte[] logOneLine() {
		return this.events.encodeNext();
	}

}
