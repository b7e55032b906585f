package io.fluxtail.benchmarks;

import org.slf4j.MDC;

/**
 * The thread's MDC as an application's request thread holds it: five entries of its own.
 */
public final class ApplicationMdc {

	private ApplicationMdc() {
	}

	/**
	 * Replaces the calling thread's MDC with five application entries.
	 */
	public static void fill() {
		MDC.clear();
		MDC.put("tenant", "acme");
		MDC.put("user_id", "u-4921");
		MDC.put("order_id", "o-77");
		MDC.put("region_hint", "eu-west-1");
		MDC.put("feature", "checkout-v2");
	}

}
