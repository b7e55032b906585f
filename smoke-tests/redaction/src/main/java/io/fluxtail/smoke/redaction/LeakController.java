package io.fluxtail.smoke.redaction;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.fluxtail.smoke.redaction.Samples.Sample;
import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logs every sample in the places an application puts values: the message, an argument, the MDC,
 * a key/value pair, a structured argument, a nested map, an exception message and its cause.
 */
@RestController
class LeakController {

	private static final Logger log = LoggerFactory.getLogger(LeakController.class);

	@GetMapping("/leak")
	String leak() {
		for (Sample sample : Samples.ALL) {
			log.info("upstream replied " + sample.text());
			log.info("upstream replied {} after {} ms", sample.text(), 42);
			try (MDC.MDCCloseable note = MDC.putCloseable("note", sample.text())) {
				log.info("upstream replied");
			}
			log.atInfo().addKeyValue("note", sample.text()).log("upstream replied");
			log.info("upstream replied", StructuredArguments.kv("note", sample.text()));
			log.atInfo().addKeyValue("payload", Map.of("items", List.of("ok", sample.text())))
				.log("upstream replied");
			log.error("call failed", new IllegalStateException("upstream rejected " + sample.text()));
			log.error("call failed",
					new IllegalStateException("call failed", new IOException("upstream rejected " + sample.text())));
		}
		return "logged " + Samples.ALL.size();
	}

}
