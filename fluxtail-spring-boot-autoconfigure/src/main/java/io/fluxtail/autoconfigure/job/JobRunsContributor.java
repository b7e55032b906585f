package io.fluxtail.autoconfigure.job;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FieldDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.WorkDescriptor;
import io.fluxtail.job.JobRuns;
import io.fluxtail.job.JobSettings;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldDefinition;
import io.fluxtail.logging.contract.Presence;

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
		builder.section("work", "jobs",
				new WorkDescriptor.Jobs("generated per run", "bean.method", settings.idPrefix(), settings.renamed(),
						new WorkDescriptor.Completion(settings.completionEnabled(), JobRuns.LOGGER_NAME,
								JobRuns.MESSAGE, settings.completionExcludedJobs()),
						this.runs.units().stats().started(), this.runs.units().stats().failed()))
			.fieldSource(CoreFields.REQUEST_ID, "job-run")
			.fieldSource(CoreFields.JOB, "scheduled-task")
			.fieldPresence(CoreFields.JOB, Presence.IN_JOB);
		if (settings.completionEnabled()) {
			FieldDefinition.workCompletionFields().forEach((field) -> builder.field(FieldDescriptor.of(field)));
		}
	}

}
