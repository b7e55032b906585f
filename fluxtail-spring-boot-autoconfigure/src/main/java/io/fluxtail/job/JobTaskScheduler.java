package io.fluxtail.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * The scheduler {@code @Scheduled} methods are handed to, wrapping each task in its job's
 * context before the real scheduler (and its error handler) sees it.
 */
public final class JobTaskScheduler implements TaskScheduler {

	private final TaskScheduler delegate;

	private final JobRuns runs;

	/**
	 * Wraps a scheduler.
	 * @param delegate the scheduler that runs the tasks
	 * @param runs gives each run its context
	 */
	public JobTaskScheduler(TaskScheduler delegate, JobRuns runs) {
		this.delegate = delegate;
		this.runs = runs;
	}

	@Override
	public Clock getClock() {
		return this.delegate.getClock();
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
		return this.delegate.schedule(this.runs.wrap(task), trigger);
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
		return this.delegate.schedule(this.runs.wrap(task), startTime);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
		return this.delegate.scheduleAtFixedRate(this.runs.wrap(task), startTime, period);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		return this.delegate.scheduleAtFixedRate(this.runs.wrap(task), period);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
		return this.delegate.scheduleWithFixedDelay(this.runs.wrap(task), startTime, delay);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
		return this.delegate.scheduleWithFixedDelay(this.runs.wrap(task), delay);
	}

}
