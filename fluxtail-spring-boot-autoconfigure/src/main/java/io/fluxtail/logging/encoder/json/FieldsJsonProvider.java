package io.fluxtail.logging.encoder.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.fluxtail.logging.encoder.EventFields;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * A logstash-logback-encoder {@code JsonProvider} that writes an event's {@link EventFields} as the
 * top-level members of the JSON object, in list order, keeping each value's JSON type.
 */
public final class FieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	private final Function<ILoggingEvent, EventFields> fieldsOfEvent;

	private final Consumer<EventFields> release;

	/**
	 * Creates a provider.
	 * @param fieldsOfEvent collects (and redacts) the fields of an event
	 */
	public FieldsJsonProvider(Function<ILoggingEvent, EventFields> fieldsOfEvent) {
		this(fieldsOfEvent, (fields) -> {
		});
	}

	/**
	 * Creates a provider whose field lists are handed back once written, for reuse.
	 * @param fieldsOfEvent collects (and redacts) the fields of an event
	 * @param release receives each list once it has been written
	 */
	public FieldsJsonProvider(Function<ILoggingEvent, EventFields> fieldsOfEvent, Consumer<EventFields> release) {
		this.fieldsOfEvent = fieldsOfEvent;
		this.release = release;
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		EventFields fields = this.fieldsOfEvent.apply(event);
		try {
			for (int i = 0; i < fields.size(); i++) {
				generator.writeName(fields.name(i));
				writeValue(generator, fields.value(i));
			}
		}
		finally {
			this.release.accept(fields);
		}
	}

	private static void writeValue(JsonGenerator generator, @Nullable Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String string) {
			generator.writeString(string);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte) {
			generator.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			generator.writeNumber(((Number) value).doubleValue());
		}
		else if (value instanceof BigDecimal decimal) {
			generator.writeNumber(decimal);
		}
		else if (value instanceof BigInteger integer) {
			generator.writeNumber(integer);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else {
			generator.writePOJO(value);
		}
	}

}
