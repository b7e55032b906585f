package io.fluxtail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.fluxtail.ingest.Transport.Outcome.Result;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import org.jspecify.annotations.Nullable;

/**
 * Posts batches as OTLP/HTTP protobuf over a kept-alive HTTP/1.1 connection. The protobuf is
 * written by the OpenTelemetry SDK's own OTLP marshalling; the HTTP exchange is Fluxtail's because
 * the SDK's exporters report neither the response headers nor which failures are final, and
 * Fluxtail must honour {@code Retry-After} and tell a refused batch from a passing outage.
 *
 * <p>
 * The exchange is the JDK's blocking {@link HttpURLConnection}: the body goes out in one write
 * and the answer is read on the sending thread. With the JDK's asynchronous {@code HttpClient},
 * used before, its selector and executor threads took another 2.2% of a busy shipping app's CPU
 * from the requests (docs/benchmarks.md). Like that client's default, no
 * proxy is used. A socket write has no timeout of its own, so a watchdog closes the connection
 * of an exchange that outlives {@code connectTimeout + timeout}: a backend that stops reading
 * cannot hold the sending thread.
 */
final class OtlpHttpTransport implements Transport {

	private static final Outcome CLOSED = new Outcome(Result.RETRY, 0, null, "the transport is closed");

	/** Most of an answer's body read to keep the connection; a longer one closes it. */
	private static final int MAX_DISCARDED_BYTES = 64 * 1024;

	private final URL endpoint;

	/** What {@link #toString()} shows: the URL without credentials. */
	private final String description;

	private final @Nullable String authorization;

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	private final long exchangeTimeoutMillis;

	private final ScheduledThreadPoolExecutor watchdog;

	private final OpenTelemetryInternals.LogsMarshaler marshaler = new OpenTelemetryInternals.LogsMarshaler();

	/** The exchange under way, so that a stop can abandon it. */
	private volatile @Nullable HttpURLConnection inFlight;

	/** The last exchange the watchdog cut. */
	private volatile @Nullable HttpURLConnection expired;

	private volatile boolean closed;

	/**
	 * Creates a transport.
	 * @param endpoint the OTLP/HTTP logs URL, such as {@code https://ingest.example/v1/logs}
	 * @param apiKey the key sent as {@code Authorization: Bearer}, {@code null} for none
	 * @param connectTimeout how long to wait for a connection
	 * @param timeout how long to wait for the answer once the batch is sent; the whole exchange,
	 * connection included, is abandoned after {@code connectTimeout + timeout}
	 */
	public OtlpHttpTransport(URI endpoint, @Nullable String apiKey, Duration connectTimeout, Duration timeout) {
		this.endpoint = httpUrl(endpoint);
		this.description = "OTLP/HTTP " + IngestUrls.withoutCredentials(endpoint);
		this.authorization = (apiKey != null) ? "Bearer " + apiKey : null;
		this.connectTimeoutMillis = millis(connectTimeout);
		this.readTimeoutMillis = millis(timeout);
		this.exchangeTimeoutMillis = (long) this.connectTimeoutMillis + this.readTimeoutMillis;
		this.watchdog = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "fluxtail-ingest-timeout");
			thread.setDaemon(true);
			return thread;
		});
		this.watchdog.setRemoveOnCancelPolicy(true);
	}

	private static URL httpUrl(URI endpoint) {
		String scheme = endpoint.getScheme();
		if ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) {
			try {
				return endpoint.toURL();
			}
			catch (MalformedURLException | IllegalArgumentException ex) {
				// not a URL after all: refused below like any other
			}
		}
		throw new IllegalArgumentException("Not an http or https URL: " + IngestUrls.withoutCredentials(endpoint));
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
	}

	@Override
	public Outcome send(Collection<LogRecordData> batch) {
		HttpURLConnection connection = null;
		ScheduledFuture<?> deadline = null;
		try {
			byte[] body = this.marshaler.protobuf(batch);
			connection = (HttpURLConnection) this.endpoint.openConnection(Proxy.NO_PROXY);
			this.inFlight = connection;
			if (this.closed) {
				return CLOSED;
			}
			HttpURLConnection exchange = connection;
			deadline = this.watchdog.schedule(() -> expire(exchange), this.exchangeTimeoutMillis, TimeUnit.MILLISECONDS);
			connection.setConnectTimeout(this.connectTimeoutMillis);
			connection.setReadTimeout(this.readTimeoutMillis);
			connection.setInstanceFollowRedirects(false);
			connection.setUseCaches(false);
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			// streamed with its length: one write, and never silently posted twice by the JDK
			connection.setFixedLengthStreamingMode(body.length);
			connection.setRequestProperty("Content-Type", "application/x-protobuf");
			if (this.authorization != null) {
				connection.setRequestProperty("Authorization", this.authorization);
			}
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			if (this.closed) {
				// closed before this connection was open, when disconnecting it did nothing
				disconnect(connection);
				return CLOSED;
			}
			int status = connection.getResponseCode();
			String retryAfter = connection.getHeaderField("Retry-After");
			discardBody(connection, status);
			return outcome(status, retryAfter);
		}
		catch (IOException ex) {
			if (connection != null) {
				disconnect(connection);
			}
			// the exception text names host and port at most, never the request headers
			return new Outcome(Result.RETRY, 0, null,
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (RejectedExecutionException ex) {
			return CLOSED;
		}
		catch (RuntimeException ex) {
			// the JDK fails an exchange disconnected between the write and the answer this way
			if (connection == null || !(this.closed || this.expired == connection)) {
				throw ex;
			}
			disconnect(connection);
			return new Outcome(Result.RETRY, 0, null, this.closed ? CLOSED.problem() : "the exchange timed out");
		}
		finally {
			this.inFlight = null;
			if (deadline != null) {
				deadline.cancel(false);
			}
		}
	}

	private static Outcome outcome(int status, @Nullable String retryAfter) {
		if (status >= 200 && status < 300) {
			return Outcome.SENT;
		}
		if (status == 429 || status >= 500) {
			return new Outcome(Result.RETRY, status, (retryAfter != null) ? retryAfter(retryAfter) : null,
					"HTTP " + status);
		}
		return new Outcome(Result.REJECTED, status, null, "HTTP " + status);
	}

	/**
	 * Reads the answer's body to its end, which lets the JDK keep the connection for the next
	 * batch; a body longer than any OTLP answer closes the connection instead.
	 */
	private static void discardBody(HttpURLConnection connection, int status) throws IOException {
		InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream();
		if (body == null) {
			return;
		}
		try (body) {
			byte[] buffer = new byte[4096];
			long read = 0;
			for (int n; (n = body.read(buffer)) != -1;) {
				read += n;
				if (read > MAX_DISCARDED_BYTES) {
					disconnect(connection);
					return;
				}
			}
		}
	}

	/**
	 * Abandons an exchange under way, so that a stop that ran out of time does not wait for its
	 * answer, and ends the watchdog.
	 */
	@Override
	public void close() {
		this.closed = true;
		try {
			// A disconnect that lands while the JDK passes the connection from the written request
			// to the answer does nothing, and the exchange would wait for its read timeout: repeat
			// it until the exchange has ended.
			this.watchdog.scheduleWithFixedDelay(this::abandonInFlight, 0, 20, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed before
		}
	}

	private void abandonInFlight() {
		HttpURLConnection connection = this.inFlight;
		if (connection == null) {
			this.watchdog.shutdownNow();
			return;
		}
		disconnect(connection);
	}

	/**
	 * {@code HttpURLConnection} is not thread-safe: the sending thread and the watchdog may both
	 * disconnect, and the JDK then throws a {@code NullPointerException} from the one that lost;
	 * the connection is closed either way.
	 */
	private static void disconnect(HttpURLConnection connection) {
		try {
			connection.disconnect();
		}
		catch (RuntimeException ex) {
			// closed by the other thread
		}
	}

	private void expire(HttpURLConnection connection) {
		this.expired = connection;
		disconnect(connection);
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
		return this.description;
	}

}
