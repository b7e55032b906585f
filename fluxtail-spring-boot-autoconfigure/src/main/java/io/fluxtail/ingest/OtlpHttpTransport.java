package io.fluxtail.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
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

	private static byte[] protobuf(Collection<LogRecordData> batch) throws IOException {
		LogsRequestMarshaler marshaler = LogsRequestMarshaler.create(batch);
		ByteArrayOutputStream out = new ByteArrayOutputStream(marshaler.getBinarySerializedSize());
		marshaler.writeBinaryTo(out);
		return out.toByteArray();
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

}
