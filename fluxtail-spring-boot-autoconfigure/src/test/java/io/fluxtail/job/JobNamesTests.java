package io.fluxtail.job;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobNamesTests {

	private final JobNames names = new JobNames(Map.of("invoiceRetry.retry", "invoice-retry"));

	@Test
	void aScheduledMethodIsNamedAfterItsBeanAndMethod() {
		assertThat(this.names.nameOf(describedAs("com.acme.billing.Reports.nightly"))).isEqualTo("reports.nightly");
		assertThat(this.names.nameOf(describedAs("com.acme.Jobs$Nightly.importFeed"))).isEqualTo("nightly.importFeed");
	}

	@Test
	void aTaskClassOfItsOwnIsNamedLikeABean() {
		assertThat(this.names.nameOf(new CacheWarmer())).isEqualTo("cacheWarmer");
	}

	@Test
	void aLambdaOrAnAnonymousTaskHasTheGenericName() {
		assertThat(this.names.nameOf(() -> {
		})).isEqualTo(JobNames.UNNAMED);
		assertThat(this.names.nameOf(describedAs("task"))).isEqualTo(JobNames.UNNAMED);
	}

	@Test
	void aConfiguredNameReplacesTheDefault() {
		assertThat(this.names.nameOf(describedAs("com.acme.billing.InvoiceRetry.retry"))).isEqualTo("invoice-retry");
	}

	/**
	 * An anonymous task that prints itself as Spring's {@code ScheduledMethodRunnable} does.
	 */
	private static Runnable describedAs(String description) {
		return new Runnable() {
			@Override
			public void run() {
			}

			@Override
			public String toString() {
				return description;
			}
		};
	}

	static class CacheWarmer implements Runnable {

		@Override
		public void run() {
		}

	}

}
