package io.fluxtail.smoke.webflux;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every handler logs the {@code probe} it was given, the id the client sent as
 * {@code X-Request-Id}, after a thread hop: a line whose {@code request_id} differs from its
 * {@code probe} lost or mixed up its request context.
 */
@RestController
class WorkController {

	private static final Logger log = LoggerFactory.getLogger("smoke.web");

	/** A card number (Visa's test number) on a DEBUG line: kept lines are redacted like any other. */
	private static final String TEST_CARD = "4111 1111 1111 1111";

	private final WebClient webClient;

	private final Environment environment;

	WorkController(WebClient.Builder webClientBuilder, Environment environment) {
		this.webClient = webClientBuilder.build();
		this.environment = environment;
	}

	@GetMapping("/hello")
	Mono<String> hello(@RequestParam String probe) {
		return Mono.fromCallable(() -> logged(probe, "hello"));
	}

	@GetMapping("/publish-on")
	Mono<String> publishOn(@RequestParam String probe) {
		return Mono.just(probe).publishOn(Schedulers.boundedElastic()).map((p) -> logged(p, "after publishOn"));
	}

	@GetMapping("/subscribe-on")
	Mono<String> subscribeOn(@RequestParam String probe) {
		return Mono.fromCallable(() -> logged(probe, "inside subscribeOn")).subscribeOn(Schedulers.parallel());
	}

	@GetMapping("/delay")
	Mono<String> delay(@RequestParam String probe) {
		return Mono.just(probe).delayElement(Duration.ofMillis(5)).map((p) -> logged(p, "after delayElement"));
	}

	@GetMapping("/chain")
	Mono<String> chain(@RequestParam String probe) {
		logged(probe, "calling downstream");
		return this.webClient.get()
			.uri("http://127.0.0.1:" + this.environment.getProperty("local.server.port") + "/downstream?probe={probe}",
					probe)
			.retrieve()
			.bodyToMono(String.class)
			.map((answer) -> {
				logged(probe, "downstream answered");
				return answer;
			});
	}

	@GetMapping("/downstream")
	Mono<String> downstream(@RequestParam String probe,
			@RequestHeader(name = "X-Request-Id", required = false) String receivedRequestId,
			@RequestHeader(name = "X-Fluxtail-Debug", required = false) String debugToken) {
		log.atInfo()
			.addKeyValue("probe", probe)
			.addKeyValue("received_request_id", receivedRequestId)
			.addKeyValue("debug_token_received", debugToken != null)
			.log("downstream called");
		return Mono.just(String.valueOf(receivedRequestId));
	}

	/**
	 * Writes five DEBUG lines, the last three after {@code publishOn}, and one with a card number,
	 * then fails as asked:
	 * {@code throw} (a 500), {@code error} (an ERROR line, then a 200) or {@code none}.
	 */
	@GetMapping("/debug")
	Mono<String> debug(@RequestParam String probe, @RequestParam(defaultValue = "none") String failure) {
		return Mono.fromCallable(() -> debugSteps(probe, 1, 2))
			.publishOn(Schedulers.boundedElastic())
			.map((p) -> debugSteps(p, 3, 5))
			.doOnNext((p) -> log.atDebug().addKeyValue("probe", p).log("charging card " + TEST_CARD))
			.flatMap((p) -> {
				if ("throw".equals(failure)) {
					return Mono.error(new IllegalStateException("debug failure for " + p));
				}
				if ("error".equals(failure)) {
					log.atError().addKeyValue("probe", p).log("debug failure logged");
				}
				return Mono.just(p);
			});
	}

	private static String debugSteps(String probe, int first, int last) {
		for (int step = first; step <= last; step++) {
			log.atDebug().addKeyValue("probe", probe).log("debug step " + step);
		}
		return probe;
	}

	@GetMapping("/fail")
	Mono<String> fail(@RequestParam String probe) {
		return Mono.just(probe)
			.publishOn(Schedulers.boundedElastic())
			.map((p) -> logged(p, "about to fail"))
			.flatMap((p) -> Mono.error(new IllegalStateException("smoke failure for " + p)));
	}

	private static String logged(String probe, String message) {
		log.atInfo().addKeyValue("probe", probe).log(message);
		return probe;
	}

}
