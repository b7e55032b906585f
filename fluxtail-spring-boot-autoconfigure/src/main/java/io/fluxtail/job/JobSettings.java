package io.fluxtail.job;

import java.util.List;
import java.util.Map;

/**
 * The job settings in effect, validated.
 *
 * @param idPrefix the prefix of a run's generated request id
 * @param renamed job names by default name
 * @param completionEnabled whether a {@code job completed} line is written per run
 * @param completionExcludedJobs names of jobs without a completion line
 */
record JobSettings(String idPrefix, Map<String, String> renamed, boolean completionEnabled,
		List<String> completionExcludedJobs) {

	public JobSettings {
		renamed = Map.copyOf(renamed);
		completionExcludedJobs = List.copyOf(completionExcludedJobs);
	}

}
