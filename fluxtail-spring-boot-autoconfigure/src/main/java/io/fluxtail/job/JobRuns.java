package io.fluxtail.job;

import java.util.Map;

import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.propagation.MdcSnapshot;
import io.fluxtail.propagation.RequestIds;
import io.fluxtail.propagation.WorkContext;
import io.fluxtail.propagation.WorkKind;
import io.fluxtail.propagation.WorkUnit;
import io.fluxtail.propagation.WorkUnits;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.SchedulingAwareRunnable;

/**
 * Gives each run of a scheduled task its own context: a fresh {@code request_id} (such as
 * {@code job-3f9a1c0b7d2e4a65}) and the job's name in {@code job}, then one {@code job completed}
 * line.
 */
final class JobRuns {

	/** Name of the logger the completion event is written on. */
	public static final String LOGGER_NAME = "io.fluxtail.job";

	/** Message of the completion event. */
	public static final String MESSAGE = "job completed";

	private final JobSettings settings;

	private final RequestIds ids;

	private final JobNames names;

	private final WorkUnits units;

	/**
	 * Creates the runs.
	 * @param settings the settings in effect
	 * @param ids generates the id of each run, with the settings' prefix
	 * @param units opens each run's context and writes its completion line
	 */
	public JobRuns(JobSettings settings, RequestIds ids, WorkUnits units) {
		this.settings = settings;
		this.ids = ids;
		this.names = new JobNames(settings.renamed());
		this.units = units;
	}

	/**
	 * Wraps a task so that each of its runs has its own context.
	 * @param task the task
	 * @return the task to schedule in its place
	 */
	public Runnable wrap(Runnable task) {
		return (task instanceof JobRun) ? task : new JobRun(task, this.names.nameOf(task));
	}

	/**
	 * Returns the settings in effect.
	 * @return the settings
	 */
	public JobSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the runs' units of work, for their counters.
	 * @return the units
	 */
	public WorkUnits units() {
		return this.units;
	}

	/**
	 * One scheduled task under its job name. Keeps the qualifier and long-lived hint of the task,
	 * which Spring's scheduler router reads.
	 */
	private final class JobRun implements SchedulingAwareRunnable {

		private final Runnable task;

		private final String name;

		private final Map<String, String> attributes;

		JobRun(Runnable task, String name) {
			this.task = task;
			this.name = name;
			this.attributes = Map.of(CoreFields.JOB, name);
		}

		/**
		 * A run that throws keeps its context on the thread: the scheduler's error handler logs the
		 * failure after this method has returned, and that line belongs to the run (Spring Framework
		 * #35364). Fluxtail's context-propagating task decorator, outermost on Spring Boot's
		 * scheduler, restores the thread when the scheduled execution ends.
		 */
		@Override
		public void run() {
			WorkUnit run = JobRuns.this.units.open(context(), this.name);
			MdcSnapshot previous = run.enter();
			try {
				this.task.run();
			}
			catch (Throwable ex) {
				run.completed(ex);
				throw ex;
			}
			run.completed(null);
			previous.close();
		}

		private WorkContext context() {
			return new WorkContext(WorkKind.JOB, JobRuns.this.ids.generate(), null, this.attributes);
		}

		@Override
		public boolean isLongLived() {
			return (this.task instanceof SchedulingAwareRunnable aware) && aware.isLongLived();
		}

		@Override
		public @Nullable String getQualifier() {
			return (this.task instanceof SchedulingAwareRunnable aware) ? aware.getQualifier() : null;
		}

		@Override
		public String toString() {
			return this.task.toString();
		}

	}

}
