package io.fluxtail.logging.encoder;

/**
 * One {@link EventFields} per thread, reused from event to event so that encoding a line does not
 * allocate the field list. A nested encode on the same thread (a value whose serialization logs)
 * gets a fresh list, and a list grown by an unusually large event is not kept.
 */
final class ReusableEventFields {

	private static final int MAX_KEPT_CAPACITY = 96;

	private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(Slot::new);

	EventFields acquire() {
		Slot slot = this.slots.get();
		if (slot.inUse) {
			return new EventFields();
		}
		slot.inUse = true;
		return slot.fields;
	}

	void release(EventFields fields) {
		Slot slot = this.slots.get();
		if (slot.fields == fields) {
			if (fields.capacity() > MAX_KEPT_CAPACITY) {
				slot.fields = new EventFields();
			}
			else {
				fields.clear();
			}
			slot.inUse = false;
		}
	}

	private static final class Slot {

		EventFields fields = new EventFields();

		boolean inUse;

	}

}
