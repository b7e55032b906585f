package io.fluxtail.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for a fixed offered load, which wrk cannot hold: {@code connections}
 * keep-alive HTTP/1.1 connections on loopback send {@code GET} requests on a fixed schedule,
 * request {@code k} at {@code start + k / rate}, connection {@code k % connections} carrying it.
 * A connection still waiting for an earlier answer sends late, and latency is measured from the
 * scheduled time, so a stall of the server counts against every request it delayed instead of
 * holding the load back (coordinated omission). Bounded: what has not been sent by {@code seconds}
 * plus a grace of {@code max(5, seconds)} seconds is given up, and any read waits 5 s at most.
 *
 * <p>Prints one line of {@code key=value}: the target and achieved rate (completed requests over
 * the time from the first scheduled send to the last answer), counts, latency p50/p99/max in µs,
 * and how late requests went out (p50/p99: the generator's own wake-ups on a busy machine, or a
 * connection still waiting for an earlier answer). Exits with 2 when the achieved rate falls more
 * than 5% short of the target or any request failed.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.fluxtail.benchmarks.FixedRateLoad &lt;url&gt; &lt;rate&gt; &lt;seconds&gt; [connections]</pre>
 */
public final class FixedRateLoad {

	/** Achieved rate below this share of the target fails the run. */
	static final double LEAST_SHARE = 0.95;

	private static final int READ_TIMEOUT_MILLIS = 5_000;

	private FixedRateLoad() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: FixedRateLoad <url> <rate> <seconds> [connections]");
			System.exit(1);
		}
		URI url = URI.create(args[0]);
		double rate = Double.parseDouble(args[1]);
		int seconds = Integer.parseInt(args[2]);
		int connections = (args.length > 3) ? Integer.parseInt(args[3]) : 16;
		long total = Math.round(rate * seconds);
		double periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;

		Connection[] senders = new Connection[connections];
		for (int c = 0; c < connections; c++) {
			senders[c] = new Connection(url, c, connections, total, periodNanos);
			senders[c].open();
			senders[c].primeOnce();
		}
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		long giveUp = start + TimeUnit.SECONDS.toNanos(seconds + Math.max(5, seconds));
		CountDownLatch done = new CountDownLatch(connections);
		for (Connection sender : senders) {
			Thread thread = new Thread(() -> {
				try {
					sender.run(start, giveUp);
				}
				finally {
					done.countDown();
				}
			}, "load-" + sender.index);
			thread.setDaemon(true);
			thread.start();
		}
		done.await();

		long completed = 0;
		long errors = 0;
		long lastAnswer = start;
		for (Connection sender : senders) {
			completed += sender.completed;
			errors += sender.errors;
			lastAnswer = Math.max(lastAnswer, sender.lastAnswer);
		}
		long[] latencies = gather(senders, completed, true);
		long[] lateness = gather(senders, completed, false);
		double elapsed = (lastAnswer - start) / 1e9;
		double achieved = (elapsed > 0) ? completed / elapsed : 0;
		boolean ok = errors == 0 && achieved >= rate * LEAST_SHARE;
		System.out.printf(
				"target_rate=%.0f achieved_rate=%.0f scheduled=%d completed=%d errors=%d p50_us=%d p99_us=%d max_us=%d"
						+ " late_p50_us=%d late_p99_us=%d rate_ok=%s%n",
				rate, achieved, total, completed, errors, percentile(latencies, 0.50), percentile(latencies, 0.99),
				percentile(latencies, 1.0), percentile(lateness, 0.50), percentile(lateness, 0.99), ok);
		System.exit(ok ? 0 : 2);
	}

	private static long[] gather(Connection[] senders, long completed, boolean latency) {
		long[] all = new long[(int) completed];
		int at = 0;
		for (Connection sender : senders) {
			System.arraycopy(latency ? sender.latencies : sender.lateness, 0, all, at, sender.completed);
			at += sender.completed;
		}
		Arrays.sort(all);
		return all;
	}

	/** The value at a quantile, in µs, of nanosecond figures sorted ascending; 0 when there are none. */
	static long percentile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000;
	}

	/** One keep-alive connection and the requests of the schedule it carries. */
	private static final class Connection {

		private final URI url;

		private final int index;

		private final int step;

		private final long total;

		private final double periodNanos;

		private final byte[] request;

		private final long[] latencies;

		private final long[] lateness;

		private final byte[] body = new byte[8192];

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		private int completed;

		private long errors;

		private long lastAnswer;

		Connection(URI url, int index, int step, long total, double periodNanos) {
			this.url = url;
			this.index = index;
			this.step = step;
			this.total = total;
			this.periodNanos = periodNanos;
			String target = (url.getRawQuery() != null) ? url.getRawPath() + "?" + url.getRawQuery() : url.getRawPath();
			this.request = ("GET " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
					+ "\r\nAccept: */*\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			int share = (int) ((total + step - 1) / step);
			this.latencies = new long[share];
			this.lateness = new long[share];
		}

		void open() throws IOException {
			Socket opened = new Socket();
			opened.setTcpNoDelay(true);
			opened.setSoTimeout(READ_TIMEOUT_MILLIS);
			opened.connect(new InetSocketAddress(this.url.getHost(), this.url.getPort()), READ_TIMEOUT_MILLIS);
			this.socket = opened;
			this.in = new BufferedInputStream(opened.getInputStream(), 16384);
			this.out = opened.getOutputStream();
		}

		/** One unmeasured exchange, so the connection is accepted and served before the schedule starts. */
		void primeOnce() throws IOException {
			this.out.write(this.request);
			this.out.flush();
			if (readResponse() != 200) {
				throw new IOException("priming request to " + this.url + " did not answer 200");
			}
		}

		void run(long start, long giveUp) {
			for (long k = this.index; k < this.total; k += this.step) {
				long scheduled = start + (long) (k * this.periodNanos);
				long now = System.nanoTime();
				while (now < scheduled) {
					LockSupport.parkNanos(scheduled - now);
					now = System.nanoTime();
				}
				if (now > giveUp) {
					return;
				}
				try {
					if (this.socket == null) {
						open();
					}
					this.out.write(this.request);
					this.out.flush();
					int status = readResponse();
					long answered = System.nanoTime();
					if (status != 200) {
						this.errors++;
						continue;
					}
					this.latencies[this.completed] = answered - scheduled;
					this.lateness[this.completed] = now - scheduled;
					this.completed++;
					this.lastAnswer = answered;
				}
				catch (IOException ex) {
					this.errors++;
					closeQuietly();
				}
			}
		}

		/** Reads one response: status line, headers, then a body by Content-Length or chunks. */
		private int readResponse() throws IOException {
			String statusLine = readLine();
			if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP response: " + statusLine);
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = readLine(); !header.isEmpty(); header = readLine()) {
				int colon = header.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String name = header.substring(0, colon).trim();
				String value = header.substring(colon + 1).trim();
				if (name.equalsIgnoreCase("Content-Length")) {
					length = Long.parseLong(value);
				}
				else if (name.equalsIgnoreCase("Transfer-Encoding")) {
					chunked = value.toLowerCase().contains("chunked");
				}
				else if (name.equalsIgnoreCase("Connection")) {
					close = value.equalsIgnoreCase("close");
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
						size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
					skip(size);
					readLine();
				}
				while (!readLine().isEmpty()) {
					// trailers
				}
			}
			else if (length >= 0) {
				skip(length);
			}
			else {
				throw new IOException("a response without a length on a keep-alive connection");
			}
			if (close) {
				closeQuietly();
			}
			return status;
		}

		private String readLine() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
				if (b < 0) {
					throw new IOException("connection closed by the server");
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			return line.toString();
		}

		private void skip(long length) throws IOException {
			long left = length;
			while (left > 0) {
				int read = this.in.read(this.body, 0, (int) Math.min(this.body.length, left));
				if (read < 0) {
					throw new IOException("connection closed within a body");
				}
				left -= read;
			}
		}

		private void closeQuietly() {
			try {
				if (this.socket != null) {
					this.socket.close();
				}
			}
			catch (IOException ex) {
				// closing a broken connection
			}
			this.socket = null;
		}

	}

}
