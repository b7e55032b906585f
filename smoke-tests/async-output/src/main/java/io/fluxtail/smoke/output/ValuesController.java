package io.fluxtail.smoke.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs values an application really has: ones whose serialization throws, ones it changes right
 * after the call, one that is slow to read.
 */
@RestController
class ValuesController {

	private static final Logger log = LoggerFactory.getLogger("smoke.values");

	/** What ends the read of the latest slow report. */
	private volatile CountDownLatch slowRead = new CountDownLatch(1);

	/**
	 * Logs a bean whose getter throws an {@link AssertionError} and an array that contains itself.
	 */
	@GetMapping("/fragile")
	Map<String, Object> fragile() {
		log.atWarn().addKeyValue("payment", new Asserting()).log("payment captured");
		Object[] path = { "checkout", null };
		path[1] = path;
		log.atWarn().addKeyValue("path", path).log("route resolved");
		return Map.of("logged", 2);
	}

	/**
	 * Logs a map and a list, changing both right after each call.
	 */
	@GetMapping("/mutated")
	Map<String, Object> mutated(@RequestParam int events) {
		Map<String, Object> cart = new LinkedHashMap<>();
		List<String> items = new ArrayList<>();
		for (int i = 0; i < events; i++) {
			cart.put("state", "open");
			cart.put("seq", i);
			items.add("sku-" + i);
			log.atInfo().addKeyValue("cart", cart).addKeyValue("items", items).log("cart changed");
			cart.put("state", "changed after the call");
		}
		return Map.of("logged", events);
	}

	/**
	 * Logs a bean whose getter takes until {@code /slow/release} is called, 30 seconds at most.
	 */
	@GetMapping("/slow")
	Map<String, Object> slow() {
		CountDownLatch release = new CountDownLatch(1);
		this.slowRead = release;
		log.info("slow report started");
		log.atInfo().addKeyValue("report", new Slow(release)).log("slow report built");
		return Map.of("logged", 2);
	}

	/**
	 * Ends the read of the slow report under way.
	 */
	@GetMapping("/slow/release")
	Map<String, Object> releaseSlow() {
		this.slowRead.countDown();
		return Map.of("released", true);
	}

	/**
	 * A bean whose getter asserts.
	 */
	static final class Asserting {

		public String getState() {
			throw new AssertionError("payment state is not readable");
		}

	}

	/**
	 * A bean whose getter takes until it is released, 30 seconds at most.
	 */
	static final class Slow {

		private final CountDownLatch release;

		Slow(CountDownLatch release) {
			this.release = release;
		}

		public String getSummary() throws InterruptedException {
			return this.release.await(30, TimeUnit.SECONDS) ? "done" : "not released within 30 s";
		}

	}

}
