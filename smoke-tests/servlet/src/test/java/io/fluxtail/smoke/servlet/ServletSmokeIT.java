package io.fluxtail.smoke.servlet;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fluxtail.smoke.RequestContextSmokeTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet application started from its jar, checked on its real stdout: the request context
 * through {@code @Async}, {@code Callable}, {@code DeferredResult} and {@code RestClient}. Public:
 * the AOT shape runs the same checks on the same code, AOT-processed.
 */
public class ServletSmokeIT extends RequestContextSmokeTests {

	@Test
	void aScheduledRunInTheWebApplicationHasItsOwnIdAndJobOnItsLines() {
		JsonNode tick = app().awaitJsonLine((line) -> "tick".equals(text(line, "message")));
		assertThat(text(tick, "request_id")).matches("job-[0-9a-f]{16}");
		assertThat(text(tick, "job")).isEqualTo("asyncWork.tick");
		JsonNode completed = app().awaitJsonLine((line) -> "job completed".equals(text(line, "message"))
				&& text(tick, "request_id").equals(text(line, "request_id")));
		assertThat(text(completed, "outcome")).isEqualTo("SUCCESS");
	}

	@Override
	protected List<String> handlers() {
		return List.of("/async", "/callable", "/deferred", "/chain", "/hello");
	}

	@Override
	protected int probedLinesPerRound() {
		// /chain writes 3 (two upstream, one downstream), /async and /callable 2, the others 1
		return 2 + 2 + 1 + 3 + 1;
	}

	@Override
	protected void assertThreadHops(Map<String, Set<String>> threadKindsByMessage) {
		assertThat(threadKindsByMessage.get("handing over to @Async")).containsExactly("http");
		assertThat(threadKindsByMessage.get("async work done")).containsExactly("task");
		assertThat(threadKindsByMessage.get("deferred result set")).containsExactly("task");
		assertThat(threadKindsByMessage.get("callable ran")).doesNotContain("http");
	}

	@Override
	protected String threadKind(String thread) {
		if (thread.startsWith("http-nio-")) {
			return "http";
		}
		return thread.startsWith("task-") ? "task" : thread;
	}

	@Override
	protected void assertSwitches(JsonNode request) {
		assertThat(request.get("taskPropagation").asBoolean()).isTrue();
		assertThat(request.get("outboundPropagation").asBoolean()).isTrue();
		assertThat(request.get("reactorContextPropagation").asBoolean()).isFalse();
		assertThat(request.get("offReasons").get("reactorContextPropagation").asString())
			.isEqualTo("not a reactive web application");
	}

	@Override
	protected String service() {
		return "smoke-servlet";
	}

}
