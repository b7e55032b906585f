package io.fluxtail.logging.fingerprint;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * The fingerprints of recently seen throwables, so that one throwable is hashed once whoever asks
 * (storm control before the event exists, then each encoder that writes it, a throwable logged
 * again as it is rethrown). A fixed array of slots chosen by identity hash: bounded, lock-free,
 * and it holds throwables weakly, so it keeps none of them (nor what they reference) alive; a
 * slot is simply overwritten by the next throwable that lands on it.
 */
final class FingerprintCache {

	private static final int SLOTS = 4096;

	private final AtomicReferenceArray<@Nullable Entry> entries = new AtomicReferenceArray<>(SLOTS);

	@Nullable String get(Throwable throwable, List<String> excluded) {
		Entry entry = this.entries.get(slot(throwable));
		return (entry != null && entry.throwable.get() == throwable && entry.matches(excluded)) ? entry.fingerprint
				: null;
	}

	void put(Throwable throwable, List<String> excluded, String fingerprint) {
		this.entries.set(slot(throwable), new Entry(new WeakReference<>(throwable), excluded, fingerprint));
	}

	private static int slot(Throwable throwable) {
		int hash = System.identityHashCode(throwable);
		return (hash ^ (hash >>> 16)) & (SLOTS - 1);
	}

	private record Entry(WeakReference<Throwable> throwable, List<String> excluded, String fingerprint) {

		boolean matches(List<String> excluded) {
			return this.excluded == excluded || this.excluded.equals(excluded);
		}

	}

}
