package io.fluxtail.logging.encoder;

import io.fluxtail.logging.line.EventFields;
import io.fluxtail.logging.line.LineBuffer;

/**
 * What one thread reuses from event to event: the field list and the line buffer, so that encoding
 * allocates neither. A nested encode on the same thread (a value whose serialization logs) gets
 * fresh ones, and what an unusually large event grew is not kept.
 */
final class Scratch {

	private static final int MAX_KEPT_FIELDS = 96;

	private static final int MAX_KEPT_BYTES = 16 * 1024;

	final EventFields fields = new EventFields();

	final LineBuffer line = new LineBuffer(1024);

	private boolean inUse;

	/**
	 * One {@link Scratch} per thread, for one encoder.
	 */
	static final class PerThread {

		private final ThreadLocal<Scratch> scratches = ThreadLocal.withInitial(Scratch::new);

		Scratch acquire() {
			Scratch scratch = this.scratches.get();
			if (scratch.inUse) {
				return new Scratch();
			}
			scratch.inUse = true;
			return scratch;
		}

		void release(Scratch scratch) {
			if (!scratch.inUse) {
				return;
			}
			if (scratch.fields.capacity() > MAX_KEPT_FIELDS || scratch.line.capacity() > MAX_KEPT_BYTES) {
				this.scratches.remove();
				return;
			}
			scratch.fields.clear();
			scratch.line.reset();
			scratch.inUse = false;
		}

	}

}
