package io.fluxtail.smoke.servlet;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Every handler logs the {@code probe} it was given, the id the client sent as
 * {@code X-Request-Id}: a line whose {@code request_id} differs from its {@code probe} is a line
 * that lost or mixed up its request context.
 */
@RestController
class WorkController {

	private static final Logger log = LoggerFactory.getLogger("smoke.web");

	/** A card number (Visa's test number) on a DEBUG line: kept lines are redacted like any other. */
	private static final String TEST_CARD = "4111 1111 1111 1111";

	private final AsyncWork asyncWork;

	private final Executor executor;

	private final RestClient restClient;

	private final Environment environment;

	WorkController(AsyncWork asyncWork, @Qualifier("applicationTaskExecutor") Executor executor,
			RestClient.Builder restClientBuilder, Environment environment) {
		this.asyncWork = asyncWork;
		this.executor = executor;
		this.restClient = restClientBuilder.build();
		this.environment = environment;
	}

	@GetMapping("/hello")
	String hello(@RequestParam String probe) {
		log.atInfo().addKeyValue("probe", probe).log("hello");
		return probe;
	}

	@GetMapping("/async")
	String async(@RequestParam String probe) {
		log.atInfo().addKeyValue("probe", probe).log("handing over to @Async");
		return this.asyncWork.work(probe).join();
	}

	@GetMapping("/callable")
	Callable<String> callable(@RequestParam String probe) {
		log.atInfo().addKeyValue("probe", probe).log("callable accepted");
		return () -> {
			log.atInfo().addKeyValue("probe", probe).log("callable ran");
			return probe;
		};
	}

	@GetMapping("/deferred")
	DeferredResult<String> deferred(@RequestParam String probe) {
		DeferredResult<String> result = new DeferredResult<>();
		this.executor.execute(() -> {
			log.atInfo().addKeyValue("probe", probe).log("deferred result set");
			result.setResult(probe);
		});
		return result;
	}

	@GetMapping("/chain")
	String chain(@RequestParam String probe) {
		log.atInfo().addKeyValue("probe", probe).log("calling downstream");
		String port = this.environment.getProperty("local.server.port");
		String answer = this.restClient.get()
			.uri("http://127.0.0.1:" + port + "/downstream?probe={probe}", probe)
			.retrieve()
			.body(String.class);
		log.atInfo().addKeyValue("probe", probe).log("downstream answered");
		return answer;
	}

	@GetMapping("/downstream")
	String downstream(@RequestParam String probe,
			@RequestHeader(name = "X-Request-Id", required = false) String receivedRequestId,
			@RequestHeader(name = "X-Fluxtail-Debug", required = false) String debugToken) {
		log.atInfo()
			.addKeyValue("probe", probe)
			.addKeyValue("received_request_id", receivedRequestId)
			.addKeyValue("debug_token_received", debugToken != null)
			.log("downstream called");
		return String.valueOf(receivedRequestId);
	}

	/**
	 * Writes five DEBUG lines, two of them on an {@code @Async} thread, and one with a card number,
	 * then fails as asked:
	 * {@code throw} (a 500), {@code error} (an ERROR line, then a 200) or {@code none}.
	 */
	@GetMapping("/debug")
	String debug(@RequestParam String probe, @RequestParam(defaultValue = "none") String failure) {
		log.atDebug().addKeyValue("probe", probe).log("debug step 1");
		log.atDebug().addKeyValue("probe", probe).log("debug step 2");
		this.asyncWork.debugSteps(probe).join();
		log.atDebug().addKeyValue("probe", probe).log("debug step 5");
		log.atDebug().addKeyValue("probe", probe).log("charging card " + TEST_CARD);
		if ("throw".equals(failure)) {
			throw new IllegalStateException("debug failure for " + probe);
		}
		if ("error".equals(failure)) {
			log.atError().addKeyValue("probe", probe).log("debug failure logged");
		}
		return probe;
	}

	@GetMapping("/fail")
	String fail(@RequestParam String probe) {
		log.atInfo().addKeyValue("probe", probe).log("about to fail");
		throw new IllegalStateException("smoke failure for " + probe);
	}

}
