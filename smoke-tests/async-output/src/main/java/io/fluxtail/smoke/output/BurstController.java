package io.fluxtail.smoke.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ch.qos.logback.classic.LoggerContext;
import io.fluxtail.logging.output.QueuedAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs bursts of events and says what it logged and how long the slowest logging call took.
 */
@RestController
class BurstController {

	private static final Logger log = LoggerFactory.getLogger("smoke.burst");

	/**
	 * Logs from several new threads at once, each numbering its own events.
	 */
	@GetMapping("/threads")
	Map<String, Object> threads(@RequestParam int threads, @RequestParam int events) throws InterruptedException {
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(new Thread(() -> {
				for (int i = 0; i < events; i++) {
					log.atInfo().addKeyValue("seq", i).log("burst event {}", i);
				}
			}, "burst-" + t));
		}
		workers.forEach(Thread::start);
		for (Thread worker : workers) {
			worker.join();
		}
		return Map.of("logged", threads * events);
	}

	/**
	 * Logs DEBUG, INFO and WARN events from this thread, timing every call.
	 */
	@GetMapping("/levels")
	Map<String, Object> levels(@RequestParam int events) {
		Map<String, Integer> logged = new TreeMap<>();
		long slowestNanos = 0;
		for (int i = 0; i < events; i++) {
			long start = System.nanoTime();
			String level;
			if (i % 10 == 0) {
				log.warn("burst event {}", i);
				level = "WARN";
			}
			else if (i % 3 == 0) {
				log.debug("burst event {}", i);
				level = "DEBUG";
			}
			else {
				log.info("burst event {}", i);
				level = "INFO";
			}
			slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
			logged.merge(level, 1, Integer::sum);
		}
		return Map.of("logged", logged, "slowestCallMillis", slowestNanos / 1_000_000.0);
	}

	/**
	 * Says how many events wait in the output queue, so that a test can stop the application once
	 * the writer has caught up.
	 */
	@GetMapping("/queue")
	Map<String, Object> queue() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		QueuedAppender queue = (QueuedAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(QueuedAppender.NAME);
		return Map.of("queued", queue.size());
	}

}
