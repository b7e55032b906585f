package io.fluxtail.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Context of scheduled job runs.
 */
@ConfigurationProperties("fluxtail.job")
public class FluxtailJobProperties {

	/**
	 * Whether each run of a @Scheduled method gets its own request_id and a 'job' field on every
	 * line of the run, and a 'job completed' line.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of the request id of a run, followed by 16 random hex digits.
	 */
	private String idPrefix = "job-";

	/**
	 * Job names that replace the default 'bean.method' name, keyed by the default name, such as
	 * '[invoiceRetry.retry]=invoice-retry'.
	 */
	private Map<String, String> names = new LinkedHashMap<>();

	/**
	 * The 'job completed' event.
	 */
	private final Completion completion = new Completion();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getIdPrefix() {
		return this.idPrefix;
	}

	public void setIdPrefix(String idPrefix) {
		this.idPrefix = idPrefix;
	}

	public Map<String, String> getNames() {
		return this.names;
	}

	public void setNames(Map<String, String> names) {
		this.names = names;
	}

	public Completion getCompletion() {
		return this.completion;
	}

	/**
	 * The 'job completed' event.
	 */
	public static class Completion {

		/**
		 * Whether one 'job completed' line with duration and outcome is written per run: ERROR with
		 * the exception when the run threw, INFO otherwise.
		 */
		private boolean enabled = true;

		/**
		 * Names of jobs whose runs get no completion line, such as very frequent ones. Their
		 * lines still carry the run's context.
		 */
		private List<String> excludedJobs = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getExcludedJobs() {
			return this.excludedJobs;
		}

		public void setExcludedJobs(List<String> excludedJobs) {
			this.excludedJobs = excludedJobs;
		}

	}

}
