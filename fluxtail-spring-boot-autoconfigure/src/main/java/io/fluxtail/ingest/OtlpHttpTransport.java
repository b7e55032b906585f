package io.fluxtail.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;

import io.fluxtail.ingest.Transport.Outcome.Result;
import io.opentelemetry.exporter.internal.otlp.logs.LowAllocationLogsRequestMarshaler;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.jspecify.annotations.Nullable;

/**
 * Posts batches as OTLP/HTTP protobuf with the JDK's {@link HttpClient}. The protobuf is written by
 * the OpenTelemetry SDK's own OTLP marshalling; the HTTP exchange is Fluxtail's because the SDK's
 * exporters report neither the response headers nor which failures are final, and Fluxtail must
 * honour {@code Retry-After} and tell a refused batch from a passing outage.
 */
public final class OtlpHttpTransport implements Transport {

	private final HttpClient client;

	private final URI endpoint;

	private final @Nullable String authorization;

	private final Duration timeout;

	private final LowAllocationLogsRequestMarshaler marshaler = new LowAllocationLogsRequestMarshaler();

	/**
	 * Creates a transport.
	 * @param endpoint the OTLP/HTTP logs URL, such as {@code https://ingest.example/v1/logs}
	 * @param apiKey the key sent as {@code Authorization: Bearer}, {@code null} for none
	 * @param connectTimeout how long to wait for a connection
	 * @param timeout how long to wait for an answer, connection included
	 */
	public OtlpHttpTransport(URI endpoint, @Nullable String apiKey, Duration connectTimeout, Duration timeout) {
		this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.endpoint = endpoint;
		this.authorization = (apiKey != null) ? "Bearer " + apiKey : null;
		this.timeout = timeout;
	}

	@Override
	public Outcome send(Collection<LogRecordData> batch) {
		HttpResponse<Void> response;
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
				.timeout(this.timeout)
				.header("Content-Type", "application/x-protobuf")
				.POST(HttpRequest.BodyPublishers.ofByteArray(protobuf(batch)));
			if (this.authorization != null) {
				request.header("Authorization", this.authorization);
			}
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			// the exception text names host and port at most, never the request headers
			return new Outcome(Result.RETRY, 0, null,
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(Result.RETRY, 0, null, "interrupted");
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return Outcome.SENT;
		}
		if (status == 429 || status >= 500) {
			return new Outcome(Result.RETRY, status,
					response.headers().firstValue("Retry-After").map(OtlpHttpTransport::retryAfter).orElse(null),
					"HTTP " + status);
		}
		return new Outcome(Result.REJECTED, status, null, "HTTP " + status);
	}

	/**
	 * Writes a batch with the SDK's reusable marshaler (what its own exporters use in
	 * {@code REUSABLE_DATA} memory mode): about a quarter of the garbage per record of a fresh
	 * marshaler per batch, and faster (docs/benchmarks.md). One batch at a time, as it is reused.
	 */
	private synchronized byte[] protobuf(Collection<LogRecordData> batch) throws IOException {
		this.marshaler.initialize(batch);
		try {
			ExactSizeBody body = new ExactSizeBody(this.marshaler.getBinarySerializedSize());
			this.marshaler.writeBinaryTo(body);
			return body.bytes();
		}
		finally {
			this.marshaler.reset();
		}
	}

	/**
	 * Reads {@code Retry-After} as seconds or as an HTTP date.
	 * @param value the header value
	 * @return the wait, {@code null} when unreadable
	 */
	static @Nullable Duration retryAfter(String value) {
		String trimmed = value.trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
		}
		catch (NumberFormatException ex) {
			try {
				Duration wait = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	@Override
	public String toString() {
		return "OTLP/HTTP " + IngestUrls.withoutCredentials(this.endpoint);
	}

	/**
	 * The body written straight into an array of the size the marshaler computed, where a
	 * {@code ByteArrayOutputStream} would copy it once more.
	 */
	private static final class ExactSizeBody extends OutputStream {

		private final byte[] bytes;

		private int length;

		ExactSizeBody(int size) {
			this.bytes = new byte[size];
		}

		@Override
		public void write(int b) throws IOException {
			if (this.length == this.bytes.length) {
				throw sizeMismatch(this.length + 1);
			}
			this.bytes[this.length++] = (byte) b;
		}

		@Override
		public void write(byte[] source, int offset, int count) throws IOException {
			if (count > this.bytes.length - this.length) {
				throw sizeMismatch(this.length + count);
			}
			System.arraycopy(source, offset, this.bytes, this.length, count);
			this.length += count;
		}

		/**
		 * Returns the body; a size other than computed fails this batch like a failed exchange,
		 * so it is retried and counted, never thrown at the sending thread.
		 */
		byte[] bytes() throws IOException {
			if (this.length != this.bytes.length) {
				throw sizeMismatch(this.length);
			}
			return this.bytes;
		}

		private IOException sizeMismatch(int written) {
			return new IOException("OTLP body of " + written + " bytes where " + this.bytes.length + " were computed");
		}

	}

}
