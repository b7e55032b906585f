package io.fluxtail.smoke.otel;

import java.util.List;

import io.fluxtail.smoke.TracedRequestsScenario;
import org.junit.jupiter.api.Test;

/**
 * The WebFlux application with Micrometer Tracing over the OpenTelemetry bridge, checked on its
 * real stdout.
 */
class WebFluxOpenTelemetrySmokeIT {

	@Test
	void everyLineOfARequestCarriesItsIdAndItsTraceAcrossOperatorsAndTheDownstreamCall() {
		// /chain writes 3 probed lines (two upstream, one downstream), the others 1
		new TracedRequestsScenario(List.of("/publish-on", "/subscribe-on", "/delay", "/chain", "/hello"),
				1 + 1 + 1 + 3 + 1, "smoke-webflux-otel", "micrometer-otel")
			.run();
	}

}
