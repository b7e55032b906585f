package io.fluxtail.propagation;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.fluxtail.logging.contract.CoreFields;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;

class WorkContextAccessorTests {

	/** As the starter configures its task decorator. */
	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().clearMissing(true).build();

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		MDC.clear();
		this.worker.shutdownNow();
	}

	@Test
	void theAccessorIsRegisteredThroughTheServiceLoader() {
		assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
			.anySatisfy((accessor) -> assertThat(accessor.key()).isEqualTo(WorkContextAccessor.KEY));
	}

	@Test
	void aDecoratedTaskSeesTheSubmittersContextAndLeavesTheWorkerAsItFoundIt() throws Exception {
		this.worker.submit(() -> MDC.put("worker_own", "1")).get(5, TimeUnit.SECONDS);
		WorkContext.http("req-1", new TraceIds("4bf92f3577b34da6a3ce929d0e0e4736", null)).applyToMdc();
		AtomicReference<Map<String, String>> seen = new AtomicReference<>();
		Runnable task = new ContextPropagatingTaskDecorator(SNAPSHOTS)
			.decorate(() -> seen.set(MDC.getCopyOfContextMap()));
		this.worker.submit(task).get(5, TimeUnit.SECONDS);
		assertThat(seen.get()).containsEntry(CoreFields.REQUEST_ID, "req-1")
			.containsEntry(CoreFields.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736")
			.doesNotContainKey(CoreFields.SPAN_ID);
		Map<String, String> after = this.worker.submit(MDC::getCopyOfContextMap).get(5, TimeUnit.SECONDS);
		assertThat(after).containsExactlyEntriesOf(Map.of("worker_own", "1"));
	}

	@Test
	void aTaskARecordSubmitsCarriesTheRecordsSourceFields() throws Exception {
		new WorkContext(WorkKind.RECORD, "req-7", null, Map.of(CoreFields.JOB, "orders", CoreFields.KAFKA_TOPIC,
				"orders", CoreFields.KAFKA_PARTITION, "2", CoreFields.KAFKA_OFFSET, "48213"))
			.applyToMdc();
		AtomicReference<WorkContext> seen = new AtomicReference<>();
		Runnable task = new ContextPropagatingTaskDecorator(SNAPSHOTS).decorate(() -> seen.set(WorkContext.current()));
		this.worker.submit(task).get(5, TimeUnit.SECONDS);
		assertThat(seen.get()).isEqualTo(new WorkContext(WorkKind.RECORD, "req-7", null,
				Map.of(CoreFields.JOB, "orders", CoreFields.KAFKA_TOPIC, "orders", CoreFields.KAFKA_PARTITION, "2",
						CoreFields.KAFKA_OFFSET, "48213")));
	}

	@Test
	void aJobRunsContextIsReadBackAsAJob() {
		new WorkContext(WorkKind.JOB, "job-1", null, Map.of(CoreFields.JOB, "invoiceRetry.retry")).applyToMdc();
		assertThat(WorkContext.current()).extracting(WorkContext::kind).isEqualTo(WorkKind.JOB);
		WorkContext.http("req-2", null).applyToMdc();
		assertThat(MDC.get(CoreFields.JOB)).as("replaced with the other unit's keys").isNull();
		assertThat(WorkContext.current()).extracting(WorkContext::kind).isEqualTo(WorkKind.HTTP);
	}

	@Test
	void aTaskSubmittedOutsideARequestClearsAStaleContextWhileItRuns() throws Exception {
		this.worker.submit(() -> MDC.put(CoreFields.REQUEST_ID, "stale")).get(5, TimeUnit.SECONDS);
		AtomicReference<String> seen = new AtomicReference<>("unset");
		Runnable task = new ContextPropagatingTaskDecorator(SNAPSHOTS).decorate(() -> seen.set(MDC.get(CoreFields.REQUEST_ID)));
		this.worker.submit(task).get(5, TimeUnit.SECONDS);
		assertThat(seen.get()).isNull();
		assertThat(this.worker.submit(() -> MDC.get(CoreFields.REQUEST_ID)).get(5, TimeUnit.SECONDS)).isEqualTo("stale");
	}

}
