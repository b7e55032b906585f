package io.fluxtail.web.reactive;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A WebFlux application whose handlers log before and after hopping to other schedulers and
 * inside WebClient callbacks.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ReactiveTestApplication.Handlers.class)
class ReactiveTestApplication {

	static final Logger log = LoggerFactory.getLogger("test.handler");

	@RestController
	static class Handlers {

		private final WebClient webClient;

		Handlers(WebClient.Builder webClient) {
			this.webClient = webClient.build();
		}

		@GetMapping("/orders/{id}")
		Mono<Map<String, Object>> order(@PathVariable String id) {
			return Mono.fromCallable(() -> {
				log.info("loading order");
				return Map.of("id", id);
			});
		}

		@GetMapping("/hop")
		Mono<String> hop() {
			return Mono.just("x")
				.doOnNext((value) -> log.info("before hop"))
				.publishOn(Schedulers.boundedElastic())
				.doOnNext((value) -> log.info("after publishOn"))
				.flatMap((value) -> Mono.fromCallable(() -> {
					log.info("inside subscribeOn");
					return value;
				}).subscribeOn(Schedulers.parallel()))
				.delayElement(Duration.ofMillis(5))
				.doOnNext((value) -> log.info("after delay"));
		}

		@GetMapping("/boom")
		Mono<String> boom() {
			return Mono.fromCallable(() -> {
				log.info("about to fail");
				throw new IllegalStateException("boom");
			});
		}

		@GetMapping("/status/{code}")
		ResponseEntity<String> status(@PathVariable int code) {
			return ResponseEntity.status(code).body("status");
		}

		@GetMapping("/outbound")
		Mono<String> outbound(@RequestParam String url) {
			return this.webClient.get()
				.uri(url)
				.retrieve()
				.bodyToMono(String.class)
				.doOnNext((body) -> log.info("downstream answered"))
				.map((body) -> "called");
		}

		@GetMapping("/work/{n}")
		Mono<String> work(@PathVariable int n) {
			return Mono.fromCallable(() -> {
				log.info("work started {}", n);
				return n;
			})
				.publishOn(Schedulers.boundedElastic())
				.doOnNext((value) -> log.info("work on elastic {}", n))
				.flatMap((value) -> Mono.fromCallable(() -> {
					log.info("work on parallel {}", n);
					return value;
				}).subscribeOn(Schedulers.parallel()))
				.map((value) -> {
					log.info("work finished {}", n);
					return "done";
				});
		}

	}

}
