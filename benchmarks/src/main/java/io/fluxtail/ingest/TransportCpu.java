package io.fluxtail.ingest;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.fluxtail.ingest.Transport.Outcome.Result;
import io.opentelemetry.sdk.logs.data.LogRecordData;

/**
 * The CPU the shipping thread's HTTP exchange costs the host, per batch of 512 production-shaped
 * records: the starter's transport against the JDK {@code HttpClient} candidate, alternated in
 * rounds in one JVM, each batch posted to an OTLP sink on loopback in the same JVM (so the
 * receiver's CPU is counted for both alike). On a busy host this CPU is taken from the requests,
 * which JMH's events per second of wall time do not show. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.fluxtail.benchmarks.TransportCpu [rounds] [batches]}.
 */
public final class TransportCpu {

	private TransportCpu() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		int batches = (args.length > 1) ? Integer.parseInt(args[1]) : 400;
		HttpServer server = OtlpSink.start(0);
		URI endpoint = OtlpSink.url(server);
		List<LogRecordData> batch = IngestEvents.batch(IngestShippingBenchmark.BATCH);
		OtlpHttpTransport transport = new OtlpHttpTransport(endpoint, "flx_bench_key", Duration.ofSeconds(5),
				Duration.ofSeconds(10));
		JdkHttpClientPost candidate = new JdkHttpClientPost(endpoint);
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		System.out.println("round | transport | CPU ms per batch | wall ms per batch");
		for (int round = 1; round <= rounds; round++) {
			for (int which = 0; which < 2; which++) {
				boolean starter = (which + round) % 2 == 0;
				long cpu = os.getProcessCpuTime();
				long wall = System.nanoTime();
				for (int i = 0; i < batches; i++) {
					boolean sent = starter ? transport.send(batch).result() == Result.SENT : candidate.send(batch) == 200;
					if (!sent) {
						throw new IllegalStateException("a batch was not accepted");
					}
				}
				System.out.printf("%d | %s | %.3f | %.3f%n", round, starter ? "starter (HttpURLConnection)" : "JDK HttpClient",
						(os.getProcessCpuTime() - cpu) / 1e6 / batches, (System.nanoTime() - wall) / 1e6 / batches);
			}
		}
		transport.close();
		server.stop(0);
		System.exit(0);
	}

}
