package io.fluxtail.autoconfigure.logging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.encoder.EncoderConfig;
import io.fluxtail.logging.encoder.FluxtailEncoder;
import io.fluxtail.logging.encoder.LogFormat;
import io.fluxtail.logging.redaction.SizeLimits;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's own formats behind the reserved-name rule: Boot's writer refuses a name written
 * twice, so without the rule these lines would be lost.
 */
class BootFormatEncoderTests {

	private final LoggerContext context = new LoggerContext();

	private final EncoderConfig config = EncoderConfig.defaults(LogFormat.JSON);

	@Test
	void logstashKeepsItsOwnFieldsAndTheApplicationsUnderTheirSource() {
		JsonNode line = encode("logstash", BootStructuredFormat.LOGSTASH,
				event(Map.of("message", "from mdc", "note", "kept"), new KeyValuePair("level", "gold"),
						new KeyValuePair("note", "from kv")));
		assertThat(line.get("message").asString()).isEqualTo("order accepted");
		assertThat(line.get("mdc.message").asString()).isEqualTo("from mdc");
		assertThat(line.get("level").asString()).isEqualTo("INFO");
		assertThat(line.get("kv.level").asString()).isEqualTo("gold");
		// the event's own pair wins over the thread's MDC entry of the same name
		assertThat(line.get("note").asString()).isEqualTo("from kv");
	}

	@Test
	void ecsRenamesAKeyThatWouldNestIntoOneOfItsObjects() {
		JsonNode line = encode("ecs", BootStructuredFormat.ECS,
				event(Map.of("service.name", "spoofed", "order.id", "4921")));
		assertThat(line.get("mdc").get("service").get("name").asString()).isEqualTo("spoofed");
		assertThat(line.get("order").get("id").asString()).isEqualTo("4921");
	}

	@Test
	void gelfNeverWritesTheReservedId() {
		JsonNode line = encode("gelf", BootStructuredFormat.GELF, event(Map.of("id", "42")));
		assertThat(line.has("_id")).isFalse();
		assertThat(line.get("_mdc.id").asString()).isEqualTo("42");
	}

	@Test
	void aHugeNameIsCutAsInFluxtailsOwnFormatsAndCounted() {
		JsonNode line = encode("logstash", BootStructuredFormat.LOGSTASH, event(
				Map.of("m".repeat(1_000_000), "mdc value"), new KeyValuePair("k".repeat(1_000_000), "kv value")));
		String marker = "[TRUNCATED:1000000]";
		assertThat(line.get("k".repeat(SizeLimits.MAX_NAME_CHARS) + marker).asString()).isEqualTo("kv value");
		assertThat(line.get("m".repeat(SizeLimits.MAX_NAME_CHARS) + marker).asString()).isEqualTo("mdc value");
		assertThat(line.toString()).hasSizeLessThan(2_000);
		assertThat(this.config.redaction().stats().truncations()).isEqualTo(2);
	}

	@Test
	void anEventBootCannotEncodeIsAMinimalLineNotAThrow() {
		Object hostile = new Object() {
			@Override
			public String toString() {
				throw new AssertionError("getter failed");
			}
		};
		LoggingEvent event = (LoggingEvent) event(Map.of("request_id", "req-1"), new KeyValuePair("order", hostile));
		event.setArgumentArray(new Object[] { hostile });
		JsonNode line = encode("logstash", BootStructuredFormat.LOGSTASH, event);
		assertThat(line.get("message").asString()).isEqualTo("order accepted");
		assertThat(line.get("request_id").asString()).isEqualTo("req-1");
		assertThat(line.get(FluxtailEncoder.ENCODER_ERROR).asString()).isEqualTo(AssertionError.class.getName());
		assertThat(this.config.stats().encoderErrors()).isEqualTo(1);
	}

	@Test
	void aLineWithoutAReservedNameIsHandedOnAsItIs() {
		ILoggingEvent event = event(Map.of("order_id", "4921"), new KeyValuePair("total", 12));
		JsonNode line = encode("logstash", BootStructuredFormat.LOGSTASH, event);
		assertThat(line.get("order_id").asString()).isEqualTo("4921");
		assertThat(line.get("total").asInt()).isEqualTo(12);
	}

	private JsonNode encode(String id, BootStructuredFormat format, ILoggingEvent event) {
		MockEnvironment environment = new MockEnvironment();
		this.context.putObject(org.springframework.core.env.Environment.class.getName(), environment);
		StructuredLogEncoder boot = new StructuredLogEncoder();
		boot.setFormat(id);
		boot.setContext(this.context);
		boot.start();
		BootFormatEncoder encoder = new BootFormatEncoder(boot, format, this.config);
		encoder.setContext(this.context);
		encoder.start();
		return JsonMapper.shared().readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));
	}

	private ILoggingEvent event(Map<String, String> mdc, KeyValuePair... pairs) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerContext(this.context);
		event.setLoggerName("checkout.api");
		event.setLevel(Level.INFO);
		event.setThreadName("main");
		event.setMessage("order accepted");
		event.setTimeStamp(System.currentTimeMillis());
		event.setMDCPropertyMap(mdc);
		for (KeyValuePair pair : pairs) {
			event.addKeyValuePair(pair);
		}
		return event;
	}

}
