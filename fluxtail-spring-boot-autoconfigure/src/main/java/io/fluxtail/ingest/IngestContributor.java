package io.fluxtail.ingest;

import io.fluxtail.actuate.ContractDescriptor;
import io.fluxtail.actuate.FluxtailContributor;
import io.fluxtail.actuate.IngestDescriptor;

/**
 * Shipping's part of {@code /actuator/fluxtail}: where events go, whether they do, and the
 * counts of what was sent, retried and dropped.
 */
final class IngestContributor implements FluxtailContributor {

	private final FluxtailIngest ingest;

	IngestContributor(FluxtailIngest ingest) {
		this.ingest = ingest;
	}

	@Override
	public void contribute(ContractDescriptor.Builder builder) {
		IngestStatus status = this.ingest.status();
		builder.section("ingest",
				new IngestDescriptor(status.active(), status.inactiveReason(), status.destination(),
						status.stats().lastExport(), status.queued(), status.inFlight(), status.queueCapacity(),
						status.stats().exported(), status.stats().retries(), status.stats().undelivered(),
						status.stats().droppedByReason()));
	}

}
