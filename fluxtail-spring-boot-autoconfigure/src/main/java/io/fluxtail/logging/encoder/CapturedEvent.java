package io.fluxtail.logging.encoder;

import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * An event whose application fields were read on the caller's thread, for encoding later on
 * another: the fields as they were at the call, or what reading them threw. Everything else is
 * the event's own, already fixed by {@link ILoggingEvent#prepareForDeferredProcessing()}; other
 * encoders see the event unchanged.
 */
final class CapturedEvent extends ForwardingLoggingEvent {

	private final List<Field> fields;

	private final @Nullable Throwable failure;

	CapturedEvent(ILoggingEvent event, List<Field> fields, @Nullable Throwable failure) {
		super(event);
		this.fields = fields;
		this.failure = failure;
	}

	List<Field> fields() {
		return this.fields;
	}

	/**
	 * Returns what reading a key/value pair's value threw, so that the event is written as the
	 * minimal line synchronous output writes for it.
	 * @return the failure, {@code null} when every value was read
	 */
	@Nullable Throwable failure() {
		return this.failure;
	}

	/**
	 * One application field as read at the call.
	 *
	 * @param source where it came from ({@code kv} or {@code arg}), the prefix of its name when
	 * that name is taken
	 * @param name its name
	 * @param value its value, fixed
	 */
	record Field(String source, @Nullable String name, @Nullable Object value) {

	}

}
