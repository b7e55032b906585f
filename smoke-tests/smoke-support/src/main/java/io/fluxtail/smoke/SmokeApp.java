package io.fluxtail.smoke;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A smoke application started for real: {@code java -jar <smoke.jar> <args>} in a child process,
 * its stdout and stderr read line by line as they are written.
 *
 * <p>
 * The jar is the module's repackaged application (failsafe passes its path as the system property
 * {@code smoke.jar}), so the application runs with exactly its own runtime classpath: nothing the
 * tests depend on can make it pass. {@link #stop()} sends SIGTERM, as a container runtime does,
 * so the lines of a graceful shutdown are read too.
 *
 * <pre>{@code
 * try (SmokeApp app = SmokeApp.builder().arg("--fluxtail.format=logfmt").start()) {
 *     SmokeHttp http = new SmokeHttp(app.port());
 *     http.get("/hello", "X-Request-Id", "req-1");
 *     app.stop();
 *     List<JsonNode> lines = LogLines.parseAll(app.stdout());
 * }
 * }</pre>
 */
public final class SmokeApp implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern PORT = Pattern.compile("started on port (\\d+)");

	private final Process process;

	private final List<String> stdout = new ArrayList<>();

	private final List<String> stderr = new ArrayList<>();

	private final Thread stdoutReader;

	private final Thread stderrReader;

	private volatile boolean stdoutPaused;

	private SmokeApp(Process process, InputStream stdout) {
		this.process = process;
		this.stdoutReader = reader("stdout", stdout, this.stdout);
		this.stderrReader = reader("stderr", process.getErrorStream(), this.stderr);
	}

	/**
	 * Returns a builder for the jar named by the {@code smoke.jar} system property.
	 * @return a new builder
	 */
	public static Builder builder() {
		String jar = System.getProperty("smoke.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("System property smoke.jar must name the repackaged application jar (got "
					+ jar + "); run the test with 'mvn verify'");
		}
		return new Builder(Path.of(jar));
	}

	private Thread reader(String name, InputStream stream, List<String> lines) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				String line;
				while (awaitReading(lines) && (line = reader.readLine()) != null) {
					synchronized (lines) {
						lines.add(line);
						lines.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process is gone: every line it wrote has been read
			}
		}, "smoke-" + name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private boolean awaitReading(List<String> lines) {
		synchronized (lines) {
			while (lines == this.stdout && this.stdoutPaused) {
				try {
					lines.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Stops reading stdout, as a stalled log collector does: once the pipe's buffer (64 KB on
	 * Linux) is full, the application's writes to stdout block until {@link #resumeStdout()}.
	 */
	public void pauseStdout() {
		this.stdoutPaused = true;
	}

	/**
	 * Reads stdout again after {@link #pauseStdout()}.
	 */
	public void resumeStdout() {
		synchronized (this.stdout) {
			this.stdoutPaused = false;
			this.stdout.notifyAll();
		}
	}

	/**
	 * Returns the application's process id, for a test that signals and times it itself.
	 * @return the process id
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Returns the port the embedded server listens on, read from its "started on port" line.
	 * @return the port
	 */
	public int port() {
		String line = awaitStdout((text) -> PORT.matcher(text).find(), Duration.ofSeconds(5));
		Matcher matcher = PORT.matcher(line);
		matcher.find();
		return Integer.parseInt(matcher.group(1));
	}

	/**
	 * Waits for a stdout line, or fails with everything written so far.
	 * @param condition what the line must satisfy
	 * @param timeout how long to wait
	 * @return the first matching line
	 */
	public String awaitStdout(Predicate<String> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.stdout) {
			int checked = 0;
			while (true) {
				for (; checked < this.stdout.size(); checked++) {
					if (condition.test(this.stdout.get(checked))) {
						return this.stdout.get(checked);
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || (!this.process.isAlive() && !this.stdoutReader.isAlive())) {
					throw new AssertionError("No matching stdout line within " + timeout + "; the application wrote:\n"
							+ String.join("\n", this.stdout) + "\nstderr:\n" + String.join("\n", stderr()));
				}
				try {
					this.stdout.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
		}
	}

	/**
	 * Waits for a stdout line that is a JSON object satisfying a condition.
	 * @param condition what the parsed line must satisfy
	 * @return the first matching line, parsed
	 */
	public JsonNode awaitJsonLine(Predicate<JsonNode> condition) {
		return LogLines.parse(awaitStdout((line) -> line.startsWith("{") && condition.test(LogLines.parse(line)),
				Duration.ofSeconds(20)));
	}

	/**
	 * Waits until at least {@code count} stdout lines satisfy a condition.
	 * @param count how many lines
	 * @param condition what each raw line must satisfy
	 */
	public void awaitStdoutCount(int count, Predicate<String> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (stdout().stream().filter(condition).count() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Fewer than " + count + " matching lines within 30s");
			}
			synchronized (this.stdout) {
				try {
					this.stdout.wait(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
		}
	}

	/**
	 * Returns every stdout line written so far.
	 * @return a copy of the lines
	 */
	public List<String> stdout() {
		synchronized (this.stdout) {
			return List.copyOf(this.stdout);
		}
	}

	/**
	 * Returns every stderr line written so far.
	 * @return a copy of the lines
	 */
	public List<String> stderr() {
		synchronized (this.stderr) {
			return List.copyOf(this.stderr);
		}
	}

	/**
	 * Stops the application as a container runtime does (SIGTERM) and waits until it has exited
	 * and every line it wrote has been read.
	 * @return the exit code
	 */
	public int stop() {
		// SIGTERM, as a container runtime sends it
		try {
			new ProcessBuilder("kill", "-TERM", Long.toString(this.process.pid())).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		return awaitExit(STOP_TIMEOUT);
	}

	/**
	 * Waits for the application to exit by itself, as after a failed startup, and for every line
	 * it wrote to be read.
	 * @param timeout how long to wait
	 * @return the exit code
	 */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("The application did not exit within " + timeout + "; it wrote:\n"
						+ String.join("\n", stdout()));
			}
			this.stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
			this.stderrReader.join(TimeUnit.SECONDS.toMillis(10));
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * Ends the application if it still runs, and keeps what it wrote in the directory named by the
	 * {@code smoke.logs} system property, for a look after a failure.
	 */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
		}
		String logs = System.getProperty("smoke.logs");
		if (logs != null) {
			try {
				Path directory = Files.createDirectories(Path.of(logs));
				Files.write(directory.resolve("app-" + this.process.pid() + ".stdout.log"), stdout());
				Files.write(directory.resolve("app-" + this.process.pid() + ".stderr.log"), stderr());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * How to start the application: its arguments and environment.
	 */
	public static final class Builder {

		private final Path jar;

		private final List<String> jvmArgs = new ArrayList<>();

		private final List<String> args = new ArrayList<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private final List<String> removedEnvironment = new ArrayList<>();

		private Builder(Path jar) {
			this.jar = jar;
			// a container's pod name must be set on purpose by the test that checks it
			this.removedEnvironment.add("HOSTNAME");
		}

		/**
		 * Adds an application argument, such as {@code --fluxtail.format=logfmt}.
		 * @param arg the argument
		 * @return this builder
		 */
		public Builder arg(String arg) {
			this.args.add(arg);
			return this;
		}

		/**
		 * Adds a JVM option, such as {@code -Xmx256m}.
		 * @param option the option
		 * @return this builder
		 */
		public Builder jvmArg(String option) {
			this.jvmArgs.add(option);
			return this;
		}

		/**
		 * Sets an environment variable of the application's process.
		 * @param name the variable
		 * @param value its value
		 * @return this builder
		 */
		public Builder env(String name, String value) {
			this.environment.put(name, value);
			this.removedEnvironment.remove(name);
			return this;
		}

		/**
		 * Starts the application without waiting for anything, as for a startup that must fail.
		 * @return the running application
		 */
		public SmokeApp launch() {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-Xmx384m");
			// a faster start, which is not what these tests measure: C1 only, and the serial
			// collector, which sets up no collector threads that would compete for two cores
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-XX:+UseSerialGC");
			command.addAll(this.jvmArgs);
			command.add("-jar");
			command.add(this.jar.toString());
			command.add("--server.port=0");
			command.addAll(this.args);
			ProcessBuilder builder = new ProcessBuilder(command);
			this.removedEnvironment.forEach(builder.environment()::remove);
			builder.environment().putAll(this.environment);
			try {
				Path fifo = stdoutFifo();
				builder.redirectOutput(fifo.toFile());
				// opening a FIFO blocks until its other end is opened: the child's end is opened by start()
				CompletableFuture<InputStream> stdout = CompletableFuture.supplyAsync(() -> open(fifo));
				Process process = builder.start();
				InputStream stream = stdout.join();
				Files.delete(fifo);
				Files.delete(fifo.getParent());
				return new SmokeApp(process, stream);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * stdout is a named pipe read by this process rather than the JDK's process pipe: the JDK
		 * closes its pipe when the process exits, losing the lines written last (the shutdown's),
		 * and a pipe of our own can be left unread on purpose ({@link #pauseStdout()}).
		 */
		private static Path stdoutFifo() throws IOException {
			Path fifo = Files.createTempDirectory("smoke-app").resolve("stdout");
			try {
				if (new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() != 0) {
					throw new IOException("mkfifo failed for " + fifo);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			return fifo;
		}

		private static InputStream open(Path fifo) {
			try {
				return new FileInputStream(fifo.toFile());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Starts the application and waits until Spring Boot reports it started.
		 * @return the running application
		 */
		public SmokeApp start() {
			SmokeApp app = launch();
			app.awaitStdout((line) -> line.contains("Started ") && line.contains(" seconds"), STARTUP_TIMEOUT);
			return app;
		}

	}

}
