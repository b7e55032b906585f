package io.fluxtail.autoconfigure.logging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fluxtail.logging.contract.Schema;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.encoder.StackTraceSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Fluxtail structured logging starter.
 *
 * <p>
 * Bound twice: once from the {@code Environment} before the application context exists (so
 * that startup lines already follow the contract) and once as a bean for the actuator endpoint.
 */
@ConfigurationProperties("fluxtail")
public class FluxtailProperties {

	/**
	 * Whether Fluxtail installs its encoder on Spring Boot's console and file appenders. When
	 * false, Spring Boot's logging is left exactly as it would be without the starter.
	 */
	private boolean enabled = true;

	/**
	 * Line format: 'json' (one JSON object per line), 'logfmt' (strict logfmt, every token a
	 * key=value pair) or 'text' (time, level, logger, contract fields, then the message, for
	 * people).
	 */
	private LogFormat format = LogFormat.JSON;

	/**
	 * Names the fields are written with, in every format: 'fluxtail' (timestamp, level,
	 * request_id, ...) or 'ecs' (Elastic Common Schema: @timestamp, log.level, http.request.id,
	 * ...).
	 */
	private Schema schema = Schema.FLUXTAIL;

	/**
	 * Name of the service written as the 'service' field. Defaults to spring.application.name.
	 */
	private @Nullable String service;

	/**
	 * Deployment environment written as the 'env' field, such as 'prod' or 'staging'.
	 */
	private @Nullable String environment;

	/**
	 * Region or zone written as the 'region' field. Omitted when not set.
	 */
	private @Nullable String region;

	/**
	 * Version of the deployed service written as the 'version' field. Omitted when not set.
	 */
	private @Nullable String version;

	/**
	 * Replica identifier written as the 'instance' field. Defaults to the HOSTNAME environment
	 * variable (the pod name on Kubernetes) when it is set; omitted otherwise.
	 */
	private @Nullable String instance;

	/**
	 * Worker or process role written as the 'worker' field, such as 'consumer-2'. Omitted when not
	 * set.
	 */
	private @Nullable String worker;

	/**
	 * Additional static fields written on every line, by output name, such as 'team=payments'.
	 */
	private Map<String, String> staticFields = new LinkedHashMap<>();

	/**
	 * Output names that replace the default field names, keyed by the default name, such as
	 * 'env=environment'.
	 */
	private Map<String, String> fieldNames = new LinkedHashMap<>();

	/**
	 * How exceptions are rendered in the 'stack_trace' field.
	 */
	private final StackTrace stackTrace = new StackTrace();

	/**
	 * Removal of secrets and personal data, and size limits of written values.
	 */
	private final Redaction redaction = new Redaction();

	/**
	 * Checks of the field contract at startup.
	 */
	private final Contract contract = new Contract();

	/**
	 * Request context: request id, trace ids and the completion event of inbound HTTP requests.
	 */
	private final Request request = new Request();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public LogFormat getFormat() {
		return this.format;
	}

	public void setFormat(LogFormat format) {
		this.format = format;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public void setSchema(Schema schema) {
		this.schema = schema;
	}

	public @Nullable String getService() {
		return this.service;
	}

	public void setService(@Nullable String service) {
		this.service = service;
	}

	public @Nullable String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(@Nullable String environment) {
		this.environment = environment;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable String getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable String version) {
		this.version = version;
	}

	public @Nullable String getInstance() {
		return this.instance;
	}

	public void setInstance(@Nullable String instance) {
		this.instance = instance;
	}

	public @Nullable String getWorker() {
		return this.worker;
	}

	public void setWorker(@Nullable String worker) {
		this.worker = worker;
	}

	public Map<String, String> getStaticFields() {
		return this.staticFields;
	}

	public void setStaticFields(Map<String, String> staticFields) {
		this.staticFields = staticFields;
	}

	public Map<String, String> getFieldNames() {
		return this.fieldNames;
	}

	public void setFieldNames(Map<String, String> fieldNames) {
		this.fieldNames = fieldNames;
	}

	public StackTrace getStackTrace() {
		return this.stackTrace;
	}

	public Request getRequest() {
		return this.request;
	}

	public Redaction getRedaction() {
		return this.redaction;
	}

	public Contract getContract() {
		return this.contract;
	}

	/**
	 * Startup checks of the field contract.
	 */
	public static class Contract {

		/**
		 * Whether a required field without a value (such as 'env' when fluxtail.environment is not
		 * set) fails startup instead of being written as '-' with a warning.
		 */
		private boolean strict;

		public boolean isStrict() {
			return this.strict;
		}

		public void setStrict(boolean strict) {
			this.strict = strict;
		}

	}

	/**
	 * Exception rendering.
	 */
	public static class StackTrace {

		/**
		 * Maximum number of frames written per throwable (the exception and each cause).
		 */
		private int maxDepth = 30;

		/**
		 * Maximum length of the whole 'stack_trace' value, in characters.
		 */
		private int maxLength = 16384;

		/**
		 * Whether the root cause is written first.
		 */
		private boolean rootCauseFirst;

		/**
		 * Class name prefixes of framework frames that are collapsed into a single '... N frames
		 * excluded' line. Replaces the default list (reflection, proxies, Spring web dispatch,
		 * Tomcat, Reactor and Netty internals).
		 */
		private List<String> collapsedPackages = new ArrayList<>(StackTraceSettings.DEFAULT_COLLAPSED_PACKAGES);

		public int getMaxDepth() {
			return this.maxDepth;
		}

		public void setMaxDepth(int maxDepth) {
			this.maxDepth = maxDepth;
		}

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public boolean isRootCauseFirst() {
			return this.rootCauseFirst;
		}

		public void setRootCauseFirst(boolean rootCauseFirst) {
			this.rootCauseFirst = rootCauseFirst;
		}

		public List<String> getCollapsedPackages() {
			return this.collapsedPackages;
		}

		public void setCollapsedPackages(List<String> collapsedPackages) {
			this.collapsedPackages = collapsedPackages;
		}

	}

	/**
	 * Request context of inbound HTTP requests.
	 */
	public static class Request {

		/**
		 * Whether every line written while serving a request carries its request id and trace ids.
		 */
		private boolean enabled = true;

		/**
		 * Header the request id is read from, echoed on the response in and sent downstream in.
		 */
		private String header = "X-Request-Id";

		/**
		 * Other headers an inbound request id is accepted from when the main header is absent, in
		 * order.
		 */
		private List<String> alternativeHeaders = new ArrayList<>(List.of("X-Correlation-Id"));

		/**
		 * Whether a safe inbound request id (at most 128 characters of letters, digits and
		 * '._:~-') is kept. When false, every request gets a generated id.
		 */
		private boolean trustInbound = true;

		/**
		 * Prefix of generated request ids, followed by 16 random hex digits.
		 */
		private String idPrefix = "req-";

		/**
		 * Whether a valid W3C 'traceparent' header provides 'trace_id' when the application has no
		 * tracer.
		 */
		private boolean traceparentFallback = true;

		/**
		 * Whether RestClient, RestTemplate and WebClient built from Spring Boot's builders send the
		 * request id downstream.
		 */
		private boolean outbound = true;

		/**
		 * Whether tasks run on Spring Boot's auto-configured executors and schedulers (@Async
		 * included) carry the submitting request's context.
		 */
		private boolean propagateToTasks = true;

		/**
		 * Whether Reactor's automatic context propagation is switched on in reactive applications,
		 * so that lines written on other schedulers carry the request context. A global switch of
		 * the JVM, the same as spring.reactor.context-propagation=auto.
		 */
		private boolean reactorContextPropagation = true;

		/**
		 * The 'request completed' event.
		 */
		private final Completion completion = new Completion();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

		public List<String> getAlternativeHeaders() {
			return this.alternativeHeaders;
		}

		public void setAlternativeHeaders(List<String> alternativeHeaders) {
			this.alternativeHeaders = alternativeHeaders;
		}

		public boolean isTrustInbound() {
			return this.trustInbound;
		}

		public void setTrustInbound(boolean trustInbound) {
			this.trustInbound = trustInbound;
		}

		public String getIdPrefix() {
			return this.idPrefix;
		}

		public void setIdPrefix(String idPrefix) {
			this.idPrefix = idPrefix;
		}

		public boolean isTraceparentFallback() {
			return this.traceparentFallback;
		}

		public void setTraceparentFallback(boolean traceparentFallback) {
			this.traceparentFallback = traceparentFallback;
		}

		public boolean isOutbound() {
			return this.outbound;
		}

		public void setOutbound(boolean outbound) {
			this.outbound = outbound;
		}

		public boolean isPropagateToTasks() {
			return this.propagateToTasks;
		}

		public void setPropagateToTasks(boolean propagateToTasks) {
			this.propagateToTasks = propagateToTasks;
		}

		public boolean isReactorContextPropagation() {
			return this.reactorContextPropagation;
		}

		public void setReactorContextPropagation(boolean reactorContextPropagation) {
			this.reactorContextPropagation = reactorContextPropagation;
		}

		public Completion getCompletion() {
			return this.completion;
		}

		/**
		 * The 'request completed' event.
		 */
		public static class Completion {

			/**
			 * Whether one 'request completed' line with method, route, status, duration and
			 * outcome is written per request.
			 */
			private boolean enabled = true;

			/**
			 * Path patterns of requests that get no completion line, such as health checks.
			 */
			private List<String> excludedPaths = new ArrayList<>(List.of("/actuator", "/actuator/**"));

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public List<String> getExcludedPaths() {
				return this.excludedPaths;
			}

			public void setExcludedPaths(List<String> excludedPaths) {
				this.excludedPaths = excludedPaths;
			}

		}

	}

	/**
	 * Redaction of secrets and personal data, and size limits.
	 */
	public static class Redaction {

		/**
		 * Whether secrets are removed by field name and by value. Size limits apply either way.
		 */
		private boolean enabled = true;

		/**
		 * Additional field names whose values are always redacted, matched ignoring case and
		 * separators, and also as the end of a longer name ('pin' also matches 'card_pin').
		 */
		private List<String> sensitiveKeys = new ArrayList<>();

		/**
		 * Ids of built-in detectors to switch off, such as 'email'.
		 */
		private List<String> disabledDetectors = new ArrayList<>();

		/**
		 * Additional value detectors by id: a regular expression and, for speed, literal strings
		 * one of which a value must contain before the expression is tried.
		 */
		private Map<String, CustomDetector> detectors = new LinkedHashMap<>();

		/**
		 * Whether replacements keep a safe hint of the secret, such as a card's last four digits
		 * or a token's public prefix ('[REDACTED:card:****1111]').
		 */
		private boolean partial;

		/**
		 * Largest message written, in characters; a longer one is cut with a marker that gives
		 * its original length.
		 */
		private DataSize maxMessageSize = DataSize.ofKilobytes(32);

		/**
		 * Largest value of any other field (and of each nested value as a whole), in characters;
		 * a longer one is cut with a marker that gives its original length.
		 */
		private DataSize maxFieldSize = DataSize.ofKilobytes(8);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getSensitiveKeys() {
			return this.sensitiveKeys;
		}

		public void setSensitiveKeys(List<String> sensitiveKeys) {
			this.sensitiveKeys = sensitiveKeys;
		}

		public List<String> getDisabledDetectors() {
			return this.disabledDetectors;
		}

		public void setDisabledDetectors(List<String> disabledDetectors) {
			this.disabledDetectors = disabledDetectors;
		}

		public Map<String, CustomDetector> getDetectors() {
			return this.detectors;
		}

		public void setDetectors(Map<String, CustomDetector> detectors) {
			this.detectors = detectors;
		}

		public boolean isPartial() {
			return this.partial;
		}

		public void setPartial(boolean partial) {
			this.partial = partial;
		}

		public DataSize getMaxMessageSize() {
			return this.maxMessageSize;
		}

		public void setMaxMessageSize(DataSize maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
		}

		public DataSize getMaxFieldSize() {
			return this.maxFieldSize;
		}

		public void setMaxFieldSize(DataSize maxFieldSize) {
			this.maxFieldSize = maxFieldSize;
		}

	}

	/**
	 * A value detector defined by a regular expression.
	 */
	public static class CustomDetector {

		/**
		 * Regular expression matching the secret. When it has a group named 'secret', only that
		 * group is redacted.
		 */
		private @Nullable String pattern;

		/**
		 * Literal strings (case-sensitive), one of which a value must contain before the
		 * expression is tried. Without triggers the expression runs on every value.
		 */
		private List<String> triggers = new ArrayList<>();

		/**
		 * What the detector finds, shown by the actuator endpoint.
		 */
		private @Nullable String description;

		public @Nullable String getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		public List<String> getTriggers() {
			return this.triggers;
		}

		public void setTriggers(List<String> triggers) {
			this.triggers = triggers;
		}

		public @Nullable String getDescription() {
			return this.description;
		}

		public void setDescription(@Nullable String description) {
			this.description = description;
		}

	}

}
