package io.fluxtail.smoke.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs values an application really has: ones whose serialization throws, ones it changes right
 * after the call, one that takes seconds to read.
 */
@RestController
class ValuesController {

	private static final Logger log = LoggerFactory.getLogger("smoke.values");

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
	 * Logs a bean whose getter takes three seconds.
	 */
	@GetMapping("/slow")
	Map<String, Object> slow() {
		log.info("slow report started");
		log.atInfo().addKeyValue("report", new Slow()).log("slow report built");
		return Map.of("logged", 2);
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
	 * A bean whose getter takes three seconds.
	 */
	static final class Slow {

		public String getSummary() throws InterruptedException {
			Thread.sleep(3000);
			return "done";
		}

	}

}
