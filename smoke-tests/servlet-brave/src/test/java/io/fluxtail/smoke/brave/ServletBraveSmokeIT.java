package io.fluxtail.smoke.brave;

import java.util.List;

import io.fluxtail.smoke.TracedRequestsScenario;
import org.junit.jupiter.api.Test;

/**
 * The servlet application with Micrometer Tracing over Brave, checked on its real stdout.
 */
class ServletBraveSmokeIT {

	@Test
	void everyLineOfARequestCarriesItsIdAndItsTraceAcrossThreadsAndTheDownstreamCall() {
		// /chain writes 3 probed lines (two upstream, one downstream), /async and /callable 2, the others 1
		new TracedRequestsScenario(List.of("/async", "/callable", "/deferred", "/chain", "/hello"), 2 + 2 + 1 + 3 + 1,
				"smoke-servlet-brave", "micrometer-brave")
			.run();
	}

}
