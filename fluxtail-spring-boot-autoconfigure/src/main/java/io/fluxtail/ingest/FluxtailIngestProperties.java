package io.fluxtail.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.FieldKind;
import io.fluxtail.web.RequestCompletion;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Shipping events to Fluxtail over OTLP/HTTP logs. Checked as it is bound, whether or not
 * anything ships.
 */
@ConfigurationProperties("fluxtail.ingest")
public class FluxtailIngestProperties implements Validator {

	/**
	 * Whether events are shipped when a destination is configured.
	 */
	private boolean enabled = true;

	/**
	 * OTLP/HTTP logs URL events are shipped to, such as 'https://ingest.fluxtail.io/v1/logs'. Set by
	 * the FLUXTAIL_INGEST_URL environment variable too. Shipping is off while unset, unless the
	 * application exports logs with Spring Boot's own OpenTelemetry support.
	 */
	private @Nullable String url;

	/**
	 * API key sent as 'Authorization: Bearer'. Defaults to the FLUXTAIL_API_KEY environment
	 * variable. Printable ASCII without spaces, checked at startup. Never logged, and masked by
	 * the actuator endpoints, env and configprops included.
	 */
	private @Nullable String apiKey;

	/**
	 * Lowest level shipped. Completion events of requests and jobs ship at any level.
	 */
	private String minLevel = "INFO";

	/**
	 * Loggers (and their children) whose events ship at any level: the completion events of
	 * requests, jobs and messages.
	 */
	private List<String> alwaysShippedLoggers = new ArrayList<>(
			List.of(RequestCompletion.LOGGER_NAME, "io.fluxtail.job", "io.fluxtail.kafka"));

	/**
	 * Stream the events are routed to, sent as the 'fluxtail.stream' resource attribute. Defaults to
	 * the service name.
	 */
	private @Nullable String stream;

	/**
	 * Kind that replaces a field's own, by field name: 'label' fields become OTLP resource
	 * attributes (indexed), 'metadata' fields log record attributes. Making a field with many
	 * values, such as request_id, a label logs a warning at startup.
	 */
	private Map<String, FieldKind> fieldKinds = new LinkedHashMap<>();

	/**
	 * Most events waiting to be sent. More are dropped and counted, never waited for.
	 */
	private int queueCapacity = 4096;

	/**
	 * Most text (messages, attributes) waiting to be sent. More is dropped and counted.
	 */
	private DataSize queueMaxSize = DataSize.ofMegabytes(16);

	/**
	 * Most events in one request. Larger batches cost less per event in all (each request has a
	 * fixed cost at both ends), but marshalling a large batch at once competes with the requests
	 * for CPU: on a busy two-core host 512 served requests better than 2048.
	 */
	private int maxBatchSize = 512;

	/**
	 * Longest time an event waits for its batch to fill.
	 */
	private Duration flushInterval = Duration.ofSeconds(1);

	/**
	 * Longest wait for a connection to the ingest URL.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Longest wait for the answer to one request once it is sent. The whole exchange is abandoned
	 * (and retried) after connect-timeout plus this.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	/**
	 * Wait before the first retry of a failed batch, doubled per retry with jitter. A Retry-After
	 * shorter than this backoff, such as 0, does not shorten it.
	 */
	private Duration initialBackoff = Duration.ofMillis(500);

	/**
	 * Longest wait between two retries, unless the backend asks for longer with Retry-After.
	 */
	private Duration maxBackoff = Duration.ofSeconds(30);

	/**
	 * Longest time one batch is retried before it is dropped.
	 */
	private Duration retryBudget = Duration.ofMinutes(5);

	/**
	 * Longest time a graceful shutdown spends delivering what is queued. What is not delivered by
	 * then is counted, and one warning line says how many events were not delivered since start.
	 */
	private Duration stopTimeout = Duration.ofSeconds(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getMinLevel() {
		return this.minLevel;
	}

	public void setMinLevel(String minLevel) {
		this.minLevel = minLevel;
	}

	public List<String> getAlwaysShippedLoggers() {
		return this.alwaysShippedLoggers;
	}

	public void setAlwaysShippedLoggers(List<String> alwaysShippedLoggers) {
		this.alwaysShippedLoggers = alwaysShippedLoggers;
	}

	public @Nullable String getStream() {
		return this.stream;
	}

	public void setStream(@Nullable String stream) {
		this.stream = stream;
	}

	public Map<String, FieldKind> getFieldKinds() {
		return this.fieldKinds;
	}

	public void setFieldKinds(Map<String, FieldKind> fieldKinds) {
		this.fieldKinds = fieldKinds;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public DataSize getQueueMaxSize() {
		return this.queueMaxSize;
	}

	public void setQueueMaxSize(DataSize queueMaxSize) {
		this.queueMaxSize = queueMaxSize;
	}

	public int getMaxBatchSize() {
		return this.maxBatchSize;
	}

	public void setMaxBatchSize(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	/**
	 * The name this property had before the output and the ingest shared one vocabulary.
	 * @return the most events in one request
	 * @deprecated in favour of {@link #getMaxBatchSize()}
	 */
	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "fluxtail.ingest.max-batch-size", since = "0.1.0")
	public int getBatchSize() {
		return getMaxBatchSize();
	}

	/**
	 * Sets the most events in one request under its former name.
	 * @param batchSize the most events in one request
	 * @deprecated in favour of {@link #setMaxBatchSize(int)}
	 */
	@Deprecated(since = "0.1.0")
	public void setBatchSize(int batchSize) {
		setMaxBatchSize(batchSize);
	}

	public Duration getFlushInterval() {
		return this.flushInterval;
	}

	public void setFlushInterval(Duration flushInterval) {
		this.flushInterval = flushInterval;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	public Duration getRetryBudget() {
		return this.retryBudget;
	}

	public void setRetryBudget(Duration retryBudget) {
		this.retryBudget = retryBudget;
	}

	public Duration getStopTimeout() {
		return this.stopTimeout;
	}

	public void setStopTimeout(Duration stopTimeout) {
		this.stopTimeout = stopTimeout;
	}

	@Override
	public boolean supports(Class<?> type) {
		return FluxtailIngestProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		IngestSettings.checkFieldKinds(((FluxtailIngestProperties) target).getFieldKinds(), errors);
	}

	@Override
	public String toString() {
		// the API key stays out of every rendering of this object
		return "FluxtailIngestProperties[url set=" + (this.url != null) + ", api key set=" + (this.apiKey != null) + "]";
	}

}
