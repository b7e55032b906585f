package io.fluxtail.web.servlet;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A servlet application whose handlers log from the request thread, async threads, Boot's
 * executor and scheduler, and call a downstream server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
@EnableScheduling
@Import({ ServletTestApplication.Handlers.class, ServletTestApplication.AsyncWork.class })
class ServletTestApplication {

	static final Logger log = LoggerFactory.getLogger("test.handler");

	/** The user's own decorator, which the starter must keep. */
	@Bean
	TaskDecorator userTaskDecorator() {
		return (task) -> () -> {
			MDC.put("user_decorated", "yes");
			try {
				task.run();
			}
			finally {
				MDC.remove("user_decorated");
			}
		};
	}

	@Service
	static class AsyncWork {

		@Async
		CompletableFuture<Integer> numbered(int n) {
			log.info("async work {}", n);
			return CompletableFuture.completedFuture(n);
		}

		@Async
		CompletableFuture<String> work(String step) {
			log.info("async {}", step);
			return CompletableFuture.completedFuture(step);
		}

	}

	@RestController
	static class Handlers {

		private final AsyncWork asyncWork;

		private final AsyncTaskExecutor executor;

		private final TaskScheduler scheduler;

		private final RestClient restClient;

		private final RestTemplate restTemplate;

		private final WebClient webClient;

		Handlers(AsyncWork asyncWork, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, TaskScheduler scheduler,
				RestClient.Builder restClient, RestTemplateBuilder restTemplate, WebClient.Builder webClient) {
			this.asyncWork = asyncWork;
			this.executor = executor;
			this.scheduler = scheduler;
			this.restClient = restClient.build();
			this.restTemplate = restTemplate.build();
			this.webClient = webClient.build();
		}

		@GetMapping("/orders/{id}")
		Map<String, Object> order(@PathVariable String id) {
			log.info("loading order");
			return Map.of("id", id);
		}

		@GetMapping("/boom")
		String boom() {
			log.info("about to fail");
			throw new IllegalStateException("boom");
		}

		@GetMapping("/status/{code}")
		ResponseEntity<String> status(@PathVariable int code) {
			return ResponseEntity.status(code).body("status");
		}

		@GetMapping("/leak")
		String leak() {
			MDC.put("leaked", "yes");
			return "leaked";
		}

		@GetMapping("/callable")
		Callable<String> callable() {
			log.info("callable accepted");
			return () -> {
				log.info("callable running");
				return "done";
			};
		}

		@GetMapping("/deferred")
		DeferredResult<String> deferred() {
			DeferredResult<String> result = new DeferredResult<>(10_000L);
			this.executor.execute(() -> {
				log.info("deferred completing");
				result.setResult("done");
			});
			return result;
		}

		@GetMapping("/async")
		CompletableFuture<String> async() {
			return this.asyncWork.work("one");
		}

		@GetMapping("/own-threads")
		String ownThreads() throws Exception {
			Thread thread = new Thread(() -> log.info("on a thread of the application's own"));
			thread.start();
			thread.join(10_000);
			CompletableFuture.runAsync(() -> log.info("on the common pool")).get(10, TimeUnit.SECONDS);
			return "done";
		}

		@GetMapping("/scheduled")
		String scheduled() throws InterruptedException {
			CountDownLatch ran = new CountDownLatch(1);
			this.scheduler.schedule(() -> {
				log.info("scheduled task");
				ran.countDown();
			}, Instant.now());
			return ran.await(10, TimeUnit.SECONDS) ? "ran" : "timeout";
		}

		@GetMapping("/outbound")
		String outbound(@RequestParam String url) {
			this.restClient.get().uri(url).retrieve().body(String.class);
			this.restTemplate.getForObject(url, String.class);
			this.webClient.get().uri(url).retrieve().bodyToMono(String.class).block();
			log.info("outbound done");
			return "called";
		}

		@GetMapping("/work/{n}")
		String work(@PathVariable int n) throws Exception {
			log.info("work started {}", n);
			this.asyncWork.numbered(n).get(10, TimeUnit.SECONDS);
			this.executor.submit(() -> log.info("work on executor {}", n)).get(10, TimeUnit.SECONDS);
			log.info("work finished {}", n);
			return "done";
		}

	}

}
