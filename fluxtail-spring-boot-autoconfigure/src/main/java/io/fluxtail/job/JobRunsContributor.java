package io.fluxtail.job;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.WorkDescriptor;

/**
 * The job runs' part of {@code /actuator/fluxtail}: {@code work.jobs}, where a run's
 * {@code request_id} and {@code job} come from, and the completion line's fields.
 */
final class JobRunsContributor implements FluxtailContributor {

	private final JobRuns runs;

	JobRunsContributor(JobRuns runs) {
		this.runs = runs;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		JobSettings settings = this.runs.settings();
		WorkDescriptor.contribute(builder, "jobs",
				new WorkDescriptor.Jobs("generated per run", "bean.method", settings.idPrefix(), settings.renamed(),
						new WorkDescriptor.Completion(settings.completionEnabled(), JobRuns.LOGGER_NAME,
								JobRuns.MESSAGE, settings.completionExcludedJobs()),
						this.runs.units().stats().started(), this.runs.units().stats().failed()),
				"job-run", "scheduled-task", settings.completionEnabled());
	}

}
