package io.fluxtail.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.opentelemetry.exporter.internal.otlp.logs.LowAllocationLogsRequestMarshaler;
import io.opentelemetry.sdk.logs.data.LogRecordData;

/**
 * The candidate the starter's transport is compared with: the same SDK protobuf posted with the
 * JDK's asynchronous {@link HttpClient}, as the starter's transport did before it moved to a
 * kept-alive {@code HttpURLConnection}.
 */
final class JdkHttpClientPost {

	private final HttpClient client = HttpClient.newHttpClient();

	private final LowAllocationLogsRequestMarshaler marshaler = new LowAllocationLogsRequestMarshaler();

	private final URI endpoint;

	JdkHttpClientPost(URI endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Posts one batch.
	 * @return the HTTP status
	 */
	int send(List<LogRecordData> batch) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-protobuf")
			.header("Authorization", "Bearer flx_bench_key")
			.POST(HttpRequest.BodyPublishers.ofByteArray(protobuf(batch)))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The SDK's reusable marshaler, as its own exporters use it in {@code REUSABLE_DATA} mode. */
	byte[] protobuf(List<LogRecordData> batch) throws IOException {
		this.marshaler.initialize(batch);
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(this.marshaler.getBinarySerializedSize());
			this.marshaler.writeBinaryTo(out);
			return out.toByteArray();
		}
		finally {
			this.marshaler.reset();
		}
	}

}
