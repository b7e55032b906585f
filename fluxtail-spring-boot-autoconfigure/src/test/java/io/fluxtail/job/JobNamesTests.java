package io.fluxtail.job;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobNamesTests {

	@Test
	void aScheduledMethodIsNamedAfterItsBeanAndMethod() {
		assertThat(JobNames.defaultName("com.acme.billing.InvoiceRetry.retry")).isEqualTo("invoiceRetry.retry");
		assertThat(JobNames.defaultName("com.acme.Jobs$Nightly.importFeed")).isEqualTo("nightly.importFeed");
	}

	@Test
	void aTaskThatIsNotAMethodHasTheGenericName() {
		assertThat(JobNames.defaultName("com.acme.Worker$$Lambda/0x0000000801234@6d06d69c"))
			.isEqualTo(JobNames.UNNAMED);
		assertThat(JobNames.defaultName("task")).isEqualTo(JobNames.UNNAMED);
	}

	@Test
	void aConfiguredNameReplacesTheDefault() {
		JobNames names = new JobNames(Map.of("invoiceRetry.retry", "invoice-retry"));
		Runnable task = new Runnable() {
			@Override
			public void run() {
			}

			@Override
			public String toString() {
				return "com.acme.billing.InvoiceRetry.retry";
			}
		};
		assertThat(names.nameOf(task)).isEqualTo("invoice-retry");
	}

}
