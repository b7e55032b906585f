package io.fluxtail.logging.encoder;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.fluxtail.logging.contract.ContractStats;
import io.fluxtail.logging.contract.CoreFields;
import io.fluxtail.logging.contract.FieldContract;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text line for people: time, level and logger as words, the contract fields, the message,
 * then the application's fields. {@link TrickyEventsTests} proves its fields equal the JSON line's.
 */
class TextFormatTests {

	private final TestEvents events = new TestEvents();

	private final FieldContract contract = FieldContract.builder()
		.value(CoreFields.SERVICE, "checkout-api")
		.value(CoreFields.ENV, "prod")
		.build();

	private final FluxtailEncoder encoder = this.events.encoder(LogFormat.TEXT, this.contract, new ContractStats());

	@Test
	void writesTheSeedShape() {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "checkout started");
		event.setMDCPropertyMap(Map.of(CoreFields.REQUEST_ID, "req-9f2c"));
		event.addKeyValuePair(new KeyValuePair("order_id", 4921));
		assertThat(TestEvents.encode(this.encoder, event))
			.isEqualTo("2026-04-24T10:14:03.125Z INFO checkout.api service=checkout-api env=prod request_id=req-9f2c "
					+ "thread=main checkout started order_id=4921\n");
	}

	@Test
	void aMessageCannotStartAnotherEventOrComeBeforeTheContractFields() {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO,
				"done\n2026-04-24T10:14:03.125Z ERROR fake service=evil\\n\u2028");
		assertThat(TestEvents.encode(this.encoder, event))
			.isEqualTo("2026-04-24T10:14:03.125Z INFO checkout.api service=checkout-api env=prod request_id=- "
					+ "thread=main done\\n2026-04-24T10:14:03.125Z ERROR fake service=evil\\\\n\\u2028\n");
	}

	@Test
	void invisibleAndBidirectionalCharactersAreEscapedInTheMessageAndThePairs() {
		LoggingEvent event = this.events.event("checkout.api", Level.INFO, "invoice\u202eexe.pdf\u00ad");
		event.addKeyValuePair(new KeyValuePair("zero\u200bwidth", "mark\u061c"));
		assertThat(TestEvents.encode(this.encoder, event)).endsWith(
				" thread=main invoice\\u202eexe.pdf\\u00ad zero%E2%80%8Bwidth=\"mark\\u061c\"\n");
	}

	@Test
	void valuesAreQuotedAsInLogfmt() {
		LoggingEvent event = this.events.event("checkout.api", Level.WARN, "gateway latency high");
		event.addKeyValuePair(new KeyValuePair("gateway", "acme pay"));
		event.addKeyValuePair(new KeyValuePair("reason", null));
		assertThat(TestEvents.encode(this.encoder, event))
			.endsWith(" thread=main gateway latency high gateway=\"acme pay\" reason=null\n");
	}

}
