package io.fluxtail.autoconfigure.logging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Where log lines go once encoded: straight to the console and file (the default), or through a
 * bounded queue written by one background thread.
 *
 * <p>
 * Bound from the {@code Environment} before the application context exists, since the appenders
 * are wrapped before the first startup line; also a bean (see
 * {@link FluxtailOutputAutoConfiguration}), so that {@code /actuator/configprops} shows them.
 */
@ConfigurationProperties(FluxtailOutputProperties.PREFIX)
public class FluxtailOutputProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "fluxtail.output";

	/**
	 * Whether log calls only put the event in a bounded queue, written to the console and file by
	 * one background thread in batches. When false (the default), each call writes its line before
	 * it returns: nothing is lost in a crash and a test's output capture is exact.
	 */
	private boolean async;

	/**
	 * How many events the queue holds. When it is full, DEBUG and INFO events are dropped, and
	 * WARN and ERROR events wait up to 'max-block'; every drop is counted and reported in one WARN
	 * line.
	 */
	private int queueCapacity = 8192;

	/**
	 * How long a WARN or ERROR event waits for room in a full queue before it is dropped. The
	 * logging call never blocks longer than this.
	 */
	private Duration maxBlock = Duration.ofMillis(100);

	/**
	 * How long a graceful stop may take to write what is still queued. Past it, one line says how
	 * many events of each level were left unwritten: on the output, or on stderr when the output
	 * is blocked (a stdout nobody reads), since the stop does not wait for a blocked write.
	 */
	private Duration stopTimeout = Duration.ofSeconds(5);

	public boolean isAsync() {
		return this.async;
	}

	public void setAsync(boolean async) {
		this.async = async;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public Duration getMaxBlock() {
		return this.maxBlock;
	}

	public void setMaxBlock(Duration maxBlock) {
		this.maxBlock = maxBlock;
	}

	public Duration getStopTimeout() {
		return this.stopTimeout;
	}

	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	/**
	 * The name this property had before the output and the ingest shared one vocabulary.
	 * @return the stop timeout
	 * @deprecated in favour of {@link #getStopTimeout()}
	 */
	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = PREFIX + ".stop-timeout", since = "0.1.0")
	public Duration getShutdownTimeout() {
		return getStopTimeout();
	}

	/**
	 * Sets the stop timeout under its former name.
	 * @param shutdownTimeout the stop timeout
	 * @deprecated in favour of {@link #setStopTimeout(Duration)}
	 */
	@Deprecated(since = "0.1.0")
	public void setShutdownTimeout(Duration shutdownTimeout) {
		setStopTimeout(shutdownTimeout);
	}

}
