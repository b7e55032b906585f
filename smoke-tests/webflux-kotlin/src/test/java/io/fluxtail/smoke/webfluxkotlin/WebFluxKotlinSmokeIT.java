package io.fluxtail.smoke.webfluxkotlin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fluxtail.smoke.LogLines;
import io.fluxtail.smoke.ReactiveRequestContextSmokeTests;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;

import static io.fluxtail.smoke.LogLines.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kotlin WebFlux application started from its jar, checked on its real stdout: the request
 * context in {@code suspend} handlers through {@code withContext(Dispatchers.IO)},
 * {@code async(Dispatchers.Default)}, {@code delay}, a {@code Flow} and a {@code WebClient} call
 * awaited with {@code awaitBody}, and in a {@code coRouter} handler through
 * {@code withContext(Dispatchers.IO)}.
 */
class WebFluxKotlinSmokeIT extends ReactiveRequestContextSmokeTests {

	@Override
	protected List<String> handlers() {
		// /hello, which has no hop, is left to the invalid-id test: every handler here logs on the
		// server's thread before its hop
		return List.of("/with-context", "/async", "/delay", "/flow", "/chain", "/router");
	}

	@Override
	protected int probedLinesPerRound() {
		// before and after each hop, one more inside withContext and async; /chain writes one
		// downstream
		return 3 + 3 + 2 + 2 + 3 + 3;
	}

	@Override
	protected void assertThreadHops(Map<String, Set<String>> threadKindsByMessage) {
		assertThat(threadKindsByMessage.get("before withContext")).containsExactly("reactor-http");
		assertThat(threadKindsByMessage.get("inside withContext")).containsExactly("DefaultDispatcher");
		assertThat(threadKindsByMessage.get("router before withContext")).containsExactly("reactor-http");
		assertThat(threadKindsByMessage.get("router inside withContext")).containsExactly("DefaultDispatcher");
		assertThat(threadKindsByMessage.get("inside async")).containsExactly("DefaultDispatcher");
		// Spring runs a handler on Dispatchers.Unconfined: it resumes on the thread that ended the
		// hop, or goes on where it was when the hop ended before it suspended
		assertThat(threadKindsByMessage.get("after withContext")).contains("DefaultDispatcher")
			.isSubsetOf("DefaultDispatcher", "reactor-http");
		assertThat(threadKindsByMessage.get("router after withContext")).contains("DefaultDispatcher")
			.isSubsetOf("DefaultDispatcher", "reactor-http");
		assertThat(threadKindsByMessage.get("after async")).contains("DefaultDispatcher")
			.isSubsetOf("DefaultDispatcher", "reactor-http");
		assertThat(threadKindsByMessage.get("after delay")).contains("kotlinx.coroutines.DefaultExecutor")
			.isSubsetOf("kotlinx.coroutines.DefaultExecutor", "reactor-http");
		assertThat(threadKindsByMessage.get("flow emitting")).contains("kotlinx.coroutines.DefaultExecutor")
			.isSubsetOf("kotlinx.coroutines.DefaultExecutor", "reactor-http");
		assertThat(threadKindsByMessage.get("downstream answered")).containsExactly("reactor-http");
	}

	@Override
	protected String service() {
		return "smoke-webflux-kotlin";
	}

	/**
	 * Prints the numbers of the run the tests above checked: the whole stdout, and the load's lines.
	 */
	@AfterAll
	void printTheRun() {
		List<JsonNode> lines = LogLines.parseAll(app().stdout());
		List<JsonNode> load = LogLines.probed(lines)
			.stream()
			.filter((line) -> text(line, LogLines.PROBE).startsWith("load-"))
			.toList();
		System.out.printf("webflux-kotlin run: %d stdout lines, every one parsed; %d requests completed; "
				+ "load: %d probed lines, %d with a foreign or missing request_id%n", lines.size(),
				lines.stream().filter((line) -> "request completed".equals(text(line, "message"))).count(),
				load.size(), LogLines.withForeignOrMissingId(load).size());
	}

}
